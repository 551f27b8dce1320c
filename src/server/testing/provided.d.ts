declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
    e2eBaseUrl: string;
  }
}
export {};
