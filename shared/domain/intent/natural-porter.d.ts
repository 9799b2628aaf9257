/**
 * `natural` ships no declaration for its Porter stemmer file; importing that one file (not the
 * package root) avoids loading pg, mongoose and redis. Typed with natural's own Stemmer interface.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  import type { Stemmer } from 'natural/lib/natural/stemmers/index.js';

  const PorterStemmer: Stemmer;
  export default PorterStemmer;
}
