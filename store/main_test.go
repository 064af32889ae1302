package store

import (
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

func TestMain(m *testing.M) { redistest.Main(m) }
