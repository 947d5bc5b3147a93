package storetest

// RangeArticle is an Indonesian article sentence that tells one happening
// over a range of days, with a subject, a predicate and an object, for the
// tests that follow a range from the pipeline to the store, the pages and
// the exports.
const RangeArticle = "Kementerian Pariwisata menggelar pameran wisata di Jakarta pada 9-11 Desember 2019."
