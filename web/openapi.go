package web

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPIDoc describes every route under /api/v1. A test checks it against
// the registered routes, so a route cannot be added without documenting it.
//
//go:embed openapi.json
var openAPIDoc []byte

// apiOpenAPI serves the OpenAPI document.
func (s *Server) apiOpenAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPIDoc)
}
