//go:build !linux

package mapfile

import (
	"errors"
	"os"
)

func mmap(*os.File, int) ([]byte, func(), error) { return nil, nil, errors.ErrUnsupported }

func mmapStream(*os.File, int) ([]byte, func(int), func(), error) {
	return nil, nil, nil, errors.ErrUnsupported
}
