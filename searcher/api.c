/* api.c: mapping the statuses of the search-side commands to exits and HTTP. */
#include "api.h"

#include "util/usage.h"
#include "xapian/xap.h"

int vb_api_status_of_xap(int status)
{
	switch (status) {
	case XAP_OK: return VB_API_OK;
	case XAP_ERR_QUERY: return VB_API_BAD_REQUEST;
	case XAP_ERR_NOT_FOUND:
	case XAP_ERR_LOCKED:
	case XAP_ERR_MODIFIED:
	case XAP_ERR_CORRUPT:
	case XAP_ERR_NETWORK: return VB_API_UNAVAILABLE;
	default: return VB_API_ERROR;
	}
}

int vb_api_exit_code(int api_status)
{
	switch (api_status) {
	case VB_API_OK: return VB_EXIT_OK;
	case VB_API_BAD_REQUEST: return VB_EXIT_USAGE;
	default: return VB_EXIT_FAILURE;
	}
}

int vb_api_http_code(int api_status)
{
	switch (api_status) {
	case VB_API_OK: return 200;
	case VB_API_BAD_REQUEST: return 400;
	case VB_API_NOT_FOUND: return 404;
	case VB_API_UNAVAILABLE: return 503;
	default: return 500;
	}
}
