// Package par runs the parts of a job on their own goroutines: the one
// fork-join the big-round code paths (radix passes, grouping, sums) share.
package par

import "sync"

// Do calls fn(k) for every k in [0, parts), each on its own goroutine (on
// the caller's when parts is 1), and waits for all of them. fn must only
// write state that belongs to its k.
func Do(parts int, fn func(k int)) {
	if parts == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k)
		}()
	}
	wg.Wait()
}
