// @11ty/eleventy ships no type declarations for its programmatic API; these are the parts styrdok uses.
declare module '@11ty/eleventy' {
  export interface EleventyUserConfig {
    setInputDirectory(dir: string): void;
    setOutputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPassthroughCopy(paths: Record<string, string>): void;
    on(event: string, callback: (arg: { directories: { output: string } }) => unknown): void;
    ignores: Set<string>;
    /** Internal: the benchmark group that times config callbacks such as filters. */
    benchmarks?: { config?: { setIsVerbose?(verbose: boolean): void } };
  }
  export interface EleventyOptions {
    /** false: read no config file (the `config` function sets everything). */
    configPath?: string | false;
    quietMode?: boolean;
    config?: (eleventyConfig: EleventyUserConfig) => void;
  }
  /** A page Eleventy wrote, as write() reports it. */
  export interface EleventyResult {
    inputPath: string;
    url: string | false;
    outputPath: string | false;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<[unknown, EleventyResult[]]>;
    disableLogger(): void;
  }
}
