/** What every transport and server speaks: a fetch Request in, a fetch Response out. */
export type FetchHandler = (request: Request) => Promise<Response>;
