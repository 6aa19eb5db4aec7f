/** Registers the built-in fully automatic methods, in the order --help lists them. */
import './cnn-tv/auto-method.js';
import './cheng/auto-method.js';
