/** `natural` ships no declaration for its English stopword file; importing that one file keeps the package root (and its database clients) out. */
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
