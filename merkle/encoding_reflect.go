package merkle

import (
	"encoding/hex"
	"math/big"
	"reflect"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// fitInt converts n to the Go type go-ethereum's packer expects for t:
// uint8..uint64 and int8..int64 are native integers, wider ones *big.Int.
func fitInt(t abi.Type, n *big.Int) any {
	v := reflect.New(t.GetType()).Elem()
	switch v.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(n.Uint64())
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(n.Int64())
	default:
		return n
	}
	return v.Interface()
}

func reflectArray(size int, b []byte) any {
	arr := reflect.New(reflect.ArrayOf(size, reflect.TypeOf(byte(0)))).Elem()
	reflect.Copy(arr, reflect.ValueOf(b))
	return arr.Interface()
}

func hexDecode(s string) ([]byte, error) { return hex.DecodeString(s) }
