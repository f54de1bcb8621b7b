// Imported first by the server entry: React and other libraries pick their production build
// from NODE_ENV when they are first loaded, and `npm start` does not set it.
process.env.NODE_ENV ??= "production";
