/** Registers the built-in fully automatic methods, in the order --help lists them. */
import './cheng/auto-method.js';
