// The benchmark's yardstick: a bare Eleventy build of the same Markdown files, each a page through Eleventy's
// own Markdown renderer, with no layout, no data and no checks. Input and output come from the environment.
export default function (eleventyConfig) {
  eleventyConfig.setInputDirectory(process.env.BARE_INPUT);
  eleventyConfig.setOutputDirectory(process.env.BARE_OUTPUT);
  eleventyConfig.setTemplateFormats(['md']);
  // The generated corpora live in bench/out/, which .gitignore lists and Eleventy would otherwise skip.
  eleventyConfig.setUseGitIgnore(false);
  // Plain Markdown, not Markdown run through a template language first.
  return { markdownTemplateEngine: false };
}
