package words

// The words of share links in a browser that cannot inflate them (no
// DecompressionStream 'deflate-raw': Safari before 16.4).
func init() {
	en["ui.link.oldBrowser"] = "This browser cannot open the link: its training text or model is compressed, which only newer browsers read (Chrome 103, Firefox 113, Safari 16.4 or later). Open the link in a newer browser."
}
