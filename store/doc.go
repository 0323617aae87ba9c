// Package store keeps rounds, the gap registry, contributions and closed
// rounds' results and trees in Pebble.
//
// Every command's writes go in one batch committed with sync, so an import
// stores every row or none, and a crash never leaves half a command behind.
// A process-wide mutex orders writers; Pebble's directory lock keeps other
// processes out.
//
// [OpenMode] never creates parent folders and, with [MustExist], no
// database at all (read commands); it refuses a folder of other files and a
// Pebble database without qf's marker key, and turns lock contention and
// corrupt files (which Pebble would otherwise report by panicking, in any
// goroutine) into [ErrLocked] and [ErrDamaged] errors that say what to do.
//
// Keys (big-endian numbers, so iteration is in numeric order):
//
//	\x00qf                 marker: "qf database v1" (a database an older qf
//	                       made, with only qf's key prefixes, gets it on open)
//	g <gap:32>             recipient (20 bytes)
//	r <round:8>            round metadata (JSON)
//	c <round:8> <id>       contribution (binary, see encodeContribution;
//	                       ends with its arrival sequence, which a
//	                       coordinated-QF round's join order comes from)
//	R <round:8>            results report (JSON), once closed
//	Q <round:8>            a coordinated-QF round's outcome (JSON), once closed
//	T <round:8>            tree dump (standard-v1 JSON), once closed
package store
