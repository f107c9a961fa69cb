// Decap CMS's Swedish lacks some texts, which then show in English: «Add mål» under every list, «Expand» on
// every object. They are added to the Swedish locale here, before the CMS starts. A test
// (test/quality/cms.test.ts) makes sure that no text of the version index.html loads is left without Swedish.
(function () {
  const additions = {
    auth: { loginWithForgejo: 'Logga in med Forgejo' },
    collection: {
      collectionTop: { viewAsList: 'Visa som lista', viewAsGrid: 'Visa som rutnät' },
      entries: { unpublishedHeader: 'Opublicerade inlägg' },
    },
    editor: {
      editorControl: { field: { widgetLabel: 'Fältet %{widgetLabel}' } },
      editorControlPane: {
        i18n: {
          copyFromLocale: 'Fyll i från ett annat språk',
          copyFromLocaleConfirm: 'Vill du fylla i uppgifterna från språket %{locale}?\nDet som står här nu skrivs över.',
        },
      },
      editorInterface: { toggleNotes: 'Visa eller dölj anteckningarna' },
      editorNotesPane: {
        title: 'Anteckningar',
        emptyState: 'Inga anteckningar än. Skriv den första här nedanför.',
        addNote: 'Lägg till anteckning',
        addPlaceholder: 'Skriv en anteckning …',
        editPlaceholder: 'Ändra anteckningen …',
        save: 'Spara',
        cancel: 'Avbryt',
        edit: 'Ändra',
        delete: 'Ta bort',
        resolve: 'Markera som klar',
        unresolve: 'Markera som inte klar',
        confirmDelete: 'Vill du ta bort anteckningen?',
        shortcut: 'Tips: Ctrl+Enter lägger till anteckningen.',
      },
      editorToolbar: {
        statusInfoTooltipDraft: 'Inlägget är ett utkast. Sätt status till «Under granskning» när det ska granskas.',
        statusInfoTooltipInReview: 'Inlägget granskas. Du behöver inte göra något mer, men du kan fortsätta att ändra i det under tiden.',
      },
      editorWidgets: {
        markdown: { strikethrough: 'Genomstruken', toggleMode: { rich: 'Byt till formaterad text', markdown: 'Byt till Markdown' } },
        image: { chooseMultiple: 'Välj bilder', addMore: 'Lägg till fler bilder', removeAll: 'Ta bort alla bilder' },
        file: { chooseMultiple: 'Välj filer', addMore: 'Lägg till fler filer', removeAll: 'Ta bort alla filer' },
        datetime: { setToNow: 'Sätt %{fieldLabel} till nu' },
        list: { add: 'Lägg till %{item}', addType: 'Lägg till %{item}' },
        object: { expand: 'Fäll ut', collapse: 'Fäll ihop' },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: 'Stäng' } },
    ui: {
      settingsDropdown: { account: 'Kontoinställningar' },
      toast: {
        noteAdded: 'Anteckningen är tillagd',
        onFailToAddNote: 'Anteckningen kunde inte läggas till: %{details}',
        noteUpdated: 'Anteckningen är ändrad',
        onFailToUpdateNote: 'Anteckningen kunde inte ändras: %{details}',
        noteDeleted: 'Anteckningen är borttagen',
        onFailToDeleteNote: 'Anteckningen kunde inte tas bort: %{details}',
        noteResolved: 'Anteckningen är markerad som klar',
        noteReopened: 'Anteckningen är öppnad igen',
        onFailToToggleNote: 'Anteckningens status kunde inte ändras: %{details}',
      },
    },
  };
  // Decap's own Swedish wins where it has a text; only what it lacks is added.
  function complete(target, source) {
    for (const [key, value] of Object.entries(source)) {
      if (value && typeof value === 'object') complete((target[key] ??= {}), value);
      else target[key] ??= value;
    }
    return target;
  }
  const CMS = window.CMS;
  if (CMS && CMS.getLocale && CMS.registerLocale) CMS.registerLocale('sv', complete(CMS.getLocale('sv') ?? {}, additions));
})();
