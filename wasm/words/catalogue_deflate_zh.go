//go:build !nozh

package words

// The Chinese of catalogue_deflate.go.
func init() {
	zhCN["ui.link.oldBrowser"] = "这个浏览器无法打开此链接：链接中的训练文本或模型经过压缩，只有较新的浏览器（Chrome 103、Firefox 113、Safari 16.4 或更高版本）才能读取。请在较新的浏览器中打开此链接。"
}
