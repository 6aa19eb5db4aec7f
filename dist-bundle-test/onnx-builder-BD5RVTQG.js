import {
  encodeOnnxModel
} from "./chunk-MLJKICYF.js";
export {
  encodeOnnxModel
};
