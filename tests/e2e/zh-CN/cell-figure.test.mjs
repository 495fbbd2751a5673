// ../cell-figure.test.mjs again, on the page in Chinese: its text is read through the
// catalogue in zh-CN (../words.mjs reads E2E_LANG when it is first imported,
// which the import below does). build.sh runs this file beside the others.
process.env.E2E_LANG = 'zh-CN';
console.log('# cell-figure.test.mjs on the page in zh-CN');
await import('../cell-figure.test.mjs');
