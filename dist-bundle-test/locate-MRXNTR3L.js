import {
  PROJECT_ROOT,
  cachedModelFile,
  findModelFile,
  modelCacheDir,
  modelSearchPaths,
  rebuildCachedModel,
  requireModelFile
} from "./chunk-QUYJNQPH.js";
export {
  PROJECT_ROOT,
  cachedModelFile,
  findModelFile,
  modelCacheDir,
  modelSearchPaths,
  rebuildCachedModel,
  requireModelFile
};
