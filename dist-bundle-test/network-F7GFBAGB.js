import {
  CNN_GRID,
  CNN_HEAD_FILE,
  CNN_INPUT,
  COLOR_BINS_FILE,
  colorBins313,
  headInputs,
  predictColorDistribution
} from "./chunk-ERYG42RF.js";
import "./chunk-E2GQZY2A.js";
import "./chunk-C7DXZTIV.js";
import "./chunk-ZWSHODDX.js";
import "./chunk-QUYJNQPH.js";
import "./chunk-MLJKICYF.js";
export {
  CNN_GRID,
  CNN_HEAD_FILE,
  CNN_INPUT,
  COLOR_BINS_FILE,
  colorBins313,
  headInputs,
  predictColorDistribution
};
