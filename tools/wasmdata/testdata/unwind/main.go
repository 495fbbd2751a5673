// Command unwind is wasmdata's test program for -nolines: it runs on the
// tables -nolines keeps (stack growth, the garbage collector's stack scans,
// defers, recovered panics of every kind, goroutines) and prints what it
// computed; its last line says whether the runtime still knows source lines.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type node struct {
	next *node
	v    [4]int
}

// deep recurses n levels with pointers live in every frame, collecting
// garbage at the bottom: the stack grows and is scanned.
func deep(n int, l *node) int {
	if n == 0 {
		runtime.GC()
		s := 0
		for ; l != nil; l = l.next {
			s += l.v[0]
		}
		return s
	}
	return deep(n-1, &node{next: l, v: [4]int{n}}) + 1
}

// catch runs f and returns what it panicked with, as text.
func catch(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return ""
}

// defers returns the text its n deferred calls write as they unwind.
func defers(n int) (out string) {
	var sb strings.Builder
	defer func() { out = sb.String() }()
	for k := 0; k < n; k++ {
		defer func() { sb.WriteByte(byte('a' + k%26)) }()
	}
	return ""
}

func main() {
	// The runtime's own goroutines (forcegc, sweeper, scavenger) are not
	// counted: the runtime knows them by their functions' names.
	fmt.Println("goroutines at the start:", runtime.NumGoroutine())
	fmt.Println("deep:", deep(20000, nil))
	var xs []int
	i, m := 7, map[string]int(nil)
	var e error
	fmt.Println(catch(func() { _ = xs[i] }))
	fmt.Println(catch(func() { _ = xs[1:i] }))
	fmt.Println(catch(func() { m["a"] = 1 }))
	fmt.Println(catch(func() { _ = e.Error() }))
	fmt.Println(catch(func() { panic(errors.New("plain")) }))
	done := make(chan int)
	for g := 0; g < 8; g++ {
		go func() { done <- deep(1000*g, nil) }()
	}
	sum := 0
	for g := 0; g < 8; g++ {
		sum += <-done
	}
	fmt.Println("goroutines:", sum)
	fmt.Println("defers:", defers(1000))
	_, _, line, _ := runtime.Caller(0)
	fmt.Println("lines:", line > 0)
}
