module.exports = eval("require")("../../demo/harness");
