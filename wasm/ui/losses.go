package ui

import "lstmplayground/wasm/client"

// The loss history lives with the conversation with the engine (package
// client); these names keep the page's code as it was.
type (
	LossHistory = client.LossHistory
	LossEntry   = client.LossEntry
)

// MaxLossEntries bounds the entries a LossHistory keeps.
const MaxLossEntries = client.MaxLossEntries

// ParseLossHistory reads a history written by LossHistory.MarshalBinary.
func ParseLossHistory(first uint64, b []byte) (LossHistory, error) {
	return client.ParseLossHistory(first, b)
}
