declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
    e2eBaseUrl: string;
    /** The leak scan (tests/e2e/global-setup.ts): where pages' request bodies are recorded, and the push capture. */
    leakWordsFile: string;
    pushCaptureUrl: string;
  }
}
export {};
