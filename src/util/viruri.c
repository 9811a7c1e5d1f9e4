/*
 * viruri.c: parsing and formatting connection URIs.
 *
 * libxml2's RFC 3986 parser does the splitting, as it does upstream, so
 * edge cases (empty authority in "qemu:///system", percent-decoding of each
 * part, IPv6 literals) behave exactly as applications expect.  This file
 * adds the query parameter list and the client-side URI aliases.
 */
#include <libxml/uri.h>

#include "viruri.h"
#include "virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_URI

VIR_LOG_INIT("util.uri");

static void
virURIParamAppend(virURI *uri, const char *name, const char *value)
{
    if (uri->paramsCount == uri->paramsAlloc) {
        uri->paramsAlloc = MAX(uri->paramsAlloc * 2, 4);
        uri->params = g_renew(virURIParam, uri->params, uri->paramsAlloc);
    }
    uri->params[uri->paramsCount].name = g_strdup(name);
    uri->params[uri->paramsCount].value = g_strdup(value);
    uri->params[uri->paramsCount].ignore = false;
    uri->paramsCount++;
}

static char *
virURIUnescape(const char *str, size_t len)
{
    char *tmp = xmlURIUnescapeString(str, (int)len, NULL);
    char *ret = g_strdup(tmp);

    xmlFree(tmp);
    return ret;
}

/* Splits the raw query into parameters.  A piece ends at the next '&', or
 * at the next ';' when no '&' follows; "name" alone has the value "",
 * "=value" without a name is skipped, as CGI conventions have it. */
static void
virURIParseParams(virURI *uri)
{
    const char *query = uri->query;

    if (!query || !*query)
        return;

    while (*query) {
        const char *end = strchr(query, '&');
        const char *eq;
        g_autofree char *name = NULL;
        g_autofree char *value = NULL;

        if (!end)
            end = strchr(query, ';');
        if (!end)
            end = query + strlen(query);
        eq = memchr(query, '=', end - query);

        if (end != query && eq != query) {
            if (!eq) {
                name = virURIUnescape(query, end - query);
            } else {
                name = virURIUnescape(query, eq - query);
                if (eq + 1 < end)
                    value = virURIUnescape(eq + 1, end - eq - 1);
            }
            virURIParamAppend(uri, name, value ? value : "");
        }

        query = end;
        if (*query)
            query++;
    }
}

virURI *
virURIParse(const char *uri)
{
    xmlURIPtr xmluri = xmlParseURI(uri);
    virURI *ret;

    if (!xmluri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s", uri);
        return NULL;
    }

    ret = g_new0(virURI, 1);
    ret->scheme = g_strdup(xmluri->scheme);
    ret->server = g_strdup(xmluri->server);
    /* libxml2 versions disagree on the port of an authority-less URI. */
    if (ret->server && *ret->server)
        ret->port = xmluri->port;
    ret->path = g_strdup(xmluri->path);
    ret->query = g_strdup(xmluri->query_raw);
    ret->fragment = g_strdup(xmluri->fragment);
    ret->user = g_strdup(xmluri->user);
    xmlFreeURI(xmluri);

    /* Drivers want the bare address, not "[::1]". */
    if (ret->server && ret->server[0] == '[') {
        size_t len = strlen(ret->server);

        if (len >= 2 && ret->server[len - 1] == ']') {
            memmove(ret->server, ret->server + 1, len - 2);
            ret->server[len - 2] = '\0';
        }
    }

    virURIParseParams(ret);
    return ret;
}

char *
virURIFormat(virURI *uri)
{
    xmlURI xmluri = { 0 };
    g_autofree char *bracketed = NULL;
    xmlChar *out;
    char *ret;

    xmluri.scheme = uri->scheme;
    xmluri.server = uri->server;
    xmluri.port = uri->port;
    xmluri.path = uri->path;
    xmluri.query_raw = uri->query;
    xmluri.fragment = uri->fragment;
    xmluri.user = uri->user;

    if (uri->server && strchr(uri->server, ':')) {
        bracketed = g_strdup_printf("[%s]", uri->server);
        xmluri.server = bracketed;
    }

    /* Port -1 tells libxml2 to write the empty authority of
     * "test:///default" rather than "test:/default". */
    if (!xmluri.server && !xmluri.port)
        xmluri.port = -1;

    out = xmlSaveUri(&xmluri);
    if (!out)
        abort(); /* xmlSaveUri fails only when out of memory */
    ret = g_strdup((const char *)out);
    xmlFree(out);
    return ret;
}

char *
virURIFormatParams(virURI *uri)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    bool first = true;
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (uri->params[i].ignore)
            continue;
        if (!first)
            virBufferAddChar(&buf, '&');
        virBufferStrcat(&buf, uri->params[i].name, "=", NULL);
        virBufferURIEncodeString(&buf, uri->params[i].value);
        first = false;
    }
    return virBufferContentAndReset(&buf);
}

void
virURIFree(virURI *uri)
{
    size_t i;

    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->server);
    g_free(uri->user);
    g_free(uri->path);
    g_free(uri->query);
    g_free(uri->fragment);
    for (i = 0; i < uri->paramsCount; i++) {
        g_free(uri->params[i].name);
        g_free(uri->params[i].value);
    }
    g_free(uri->params);
    g_free(uri);
}

#define VIR_URI_ALIAS_CHARS \
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"

static int
virURIFindAliasMatch(char *const *aliases, const char *alias, char **uri)
{
    size_t aliaslen = strlen(alias);

    for (; *aliases; aliases++) {
        const char *eq = strchr(*aliases, '=');

        if (!eq) {
            virReportError(VIR_ERR_CONF_SYNTAX,
                           "Malformed 'uri_aliases' config entry '%s', expected 'alias=uri://host/path'",
                           *aliases);
            return -1;
        }
        if (strspn(*aliases, VIR_URI_ALIAS_CHARS) < (size_t)(eq - *aliases)) {
            virReportError(VIR_ERR_CONF_SYNTAX,
                           "Malformed 'uri_aliases' config entry '%s', aliases may only contain 'a-Z, 0-9, _, -'",
                           *aliases);
            return -1;
        }
        if ((size_t)(eq - *aliases) == aliaslen &&
            strncmp(*aliases, alias, aliaslen) == 0) {
            VIR_DEBUG("Resolved alias '%s' to '%s'", alias, eq + 1);
            *uri = g_strdup(eq + 1);
            return 0;
        }
    }

    VIR_DEBUG("No alias found for '%s', continuing...", alias);
    return 0;
}

int
virURIResolveAlias(virConf *conf, const char *alias, char **uri)
{
    g_auto(GStrv) aliases = NULL;

    *uri = NULL;
    if (virConfGetValueStringList(conf, "uri_aliases", false, &aliases) < 0)
        return -1;
    if (!aliases || !*aliases)
        return 0;
    return virURIFindAliasMatch(aliases, alias, uri);
}

const char *
virURIGetParam(virURI *uri, const char *name)
{
    size_t i;

    for (i = 0; i < uri->paramsCount; i++) {
        if (STREQ(uri->params[i].name, name))
            return uri->params[i].value;
    }
    virReportError(VIR_ERR_INVALID_ARG, "Missing URI parameter '%s'", name);
    return NULL;
}

bool
virURICheckUnixSocket(virURI *uri)
{
    const char *plus;
    size_t i;

    if (!uri->scheme)
        return false;
    plus = strchr(uri->scheme, '+');
    if (!plus || STRNEQ(plus, "+unix"))
        return false;
    for (i = 0; i < uri->paramsCount; i++) {
        if (STREQ(uri->params[i].name, "socket"))
            return true;
    }
    return false;
}
