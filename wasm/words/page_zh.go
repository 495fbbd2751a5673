package words

var pageZh = map[string]string{}
