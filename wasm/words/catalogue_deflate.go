package words

// The words of share links in a browser that cannot inflate them (no
// DecompressionStream 'deflate-raw': Safari before 16.4).
func init() {
	en["ui.link.oldBrowser"] = "This browser cannot open the link: its training text or model is compressed, which only newer browsers read (Chrome 103, Firefox 113, Safari 16.4 or later). Open the link in a newer browser."
	zhCN["ui.link.oldBrowser"] = "这个浏览器无法打开此链接：链接中的训练文本或模型经过压缩，只有较新的浏览器（Chrome 103、Firefox 113、Safari 16.4 或更高版本）才能读取。请在较新的浏览器中打开此链接。"
}
