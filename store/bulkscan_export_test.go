package store

// SetScanCores sets how many goroutines the parallel first scan of a bulk
// import runs on, and makes every sort held in memory of more than one
// entry sort on several cores, until the returned function restores them.
func SetScanCores(n int) func() {
	cores, sp := scanCores, sortParallel
	scanCores, sortParallel = func() int { return n }, 2
	return func() { scanCores, sortParallel = cores, sp }
}
