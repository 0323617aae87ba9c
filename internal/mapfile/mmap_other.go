//go:build !linux

package mapfile

import (
	"errors"
	"os"
)

func mmap(*os.File, int) ([]byte, func(), error) { return nil, nil, errors.ErrUnsupported }
