// A yardstick beside the bare build: Eleventy writing the site's finished pages as they are, each an .html
// template with no template engine, so with no layout, no data and no styrdok, in one run. What the site's
// pages take beyond it is styrdok's own work (check, model, templates); what it takes beyond the bare build
// is the cost of writing more and larger pages. Input and output come from the environment; bench/run.mjs
// runs it on the output of the site build just measured.
export default function (eleventyConfig) {
  eleventyConfig.setInputDirectory(process.env.WRITTEN_INPUT);
  eleventyConfig.setOutputDirectory(process.env.WRITTEN_OUTPUT);
  eleventyConfig.setTemplateFormats(['html']);
  // The generated corpora live in bench/out/, which .gitignore lists and Eleventy would otherwise skip.
  eleventyConfig.setUseGitIgnore(false);
  // The search index is a step of its own, and the open data is written by styrdok, not by Eleventy.
  eleventyConfig.ignores.add('pagefind*/**');
  eleventyConfig.ignores.add('data/**');
  return { htmlTemplateEngine: false };
}
