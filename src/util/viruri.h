/*
 * viruri.h: connection URIs ("qemu+ssh://user@host:22/system?keyfile=/k").
 *
 * A URI is parsed into its RFC 3986 parts with the query also split into
 * name/value parameters, which drivers read (virURIGetParam) and the remote
 * driver may mark as consumed before forwarding the rest to the daemon.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "util/virconf.h"

typedef struct _virURIParam virURIParam;
struct _virURIParam {
    char *name;
    char *value;
    /* Set by a consumer that handled the parameter itself, so that
     * virURIFormatParams leaves it out. */
    bool ignore;
};

struct _virURI {
    char *scheme;
    char *server;       /* without the brackets of an IPv6 address */
    char *user;
    int port;           /* 0 when absent */
    char *path;
    char *query;        /* raw, still percent-encoded */
    char *fragment;

    size_t paramsCount;
    size_t paramsAlloc;
    virURIParam *params;
};

/* NULL with VIR_ERR_INTERNAL_ERROR "Unable to parse URI ..." on a string
 * that is not a URI. */
virURI *virURIParse(const char *uri);
char *virURIFormat(virURI *uri);
/* "name=value&..." for the parameters not marked ignore, values encoded. */
char *virURIFormatParams(virURI *uri);
void virURIFree(virURI *uri);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virURI, virURIFree);

/* Looks alias up in the uri_aliases list of conf: *uri is the target, or
 * NULL when nothing matched.  -1 on a malformed list. */
int virURIResolveAlias(virConf *conf, const char *alias, char **uri);

/* The parameter's value, or NULL with VIR_ERR_INVALID_ARG if absent. */
const char *virURIGetParam(virURI *uri, const char *name);
/* True for a "+unix" transport given an explicit socket= parameter. */
bool virURICheckUnixSocket(virURI *uri);
