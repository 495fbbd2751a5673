package protocol_test

import (
	"errors"
	"fmt"

	"lstmplayground/lstm"
	"lstmplayground/wasm/protocol"
)

// The UI encodes a request; the engine decodes it and switches on its type.
func ExampleDecode() {
	b, err := protocol.Encode(protocol.Trace{ID: 1, Probe: "hello",
		Interventions: []lstm.Intervention{{Layer: 0, State: lstm.StateC, Unit: 3, Value: 0}}})
	if err != nil {
		panic(err)
	}
	m, err := protocol.Decode(b)
	if err != nil {
		fmt.Println(err)
		return
	}
	switch m := m.(type) {
	case protocol.Trace:
		fmt.Printf("trace %q with %d intervention(s), %d bytes\n", m.Probe, len(m.Interventions), len(b))
	default:
		fmt.Println("unexpected", m.Type())
	}

	// A message of another protocol version (an engine older or newer than
	// the page) is refused before anything else is read; HeaderVersion says
	// which version it is.
	b[2] = protocol.Version + 1
	_, err = protocol.Decode(b)
	fmt.Println(errors.Is(err, protocol.ErrVersion))
	fmt.Println(err)
	v, _ := protocol.HeaderVersion(b)
	fmt.Println("version", v)
	// Output:
	// trace "hello" with 1 intervention(s), 46 bytes
	// true
	// protocol: message at byte 2: unsupported protocol version: version 3, but this program speaks version 2
	// version 3
}
