import {
  loadOrt,
  onnxSession,
  ortLeftoverFile
} from "./chunk-ZWSHODDX.js";
import "./chunk-QUYJNQPH.js";
export {
  loadOrt,
  onnxSession,
  ortLeftoverFile
};
