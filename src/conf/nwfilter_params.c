/*
 * nwfilter_params.c: filter reference parameters and variable references
 * of network filter documents.
 */
#include <errno.h>
#include <string.h>

#include "nwfilter_params.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

void
virNWFilterParamsClear(virNWFilterParams *params)
{
    size_t i;
    size_t j;

    for (i = 0; i < params->nparams; i++) {
        g_free(params->params[i].name);
        for (j = 0; j < params->params[i].nvalues; j++)
            g_free(params->params[i].values[j]);
        g_free(params->params[i].values);
    }
    g_free(params->params);
    params->params = NULL;
    params->nparams = 0;
}

static bool
virNWFilterIsValidVarValue(const char *value)
{
    return *value &&
           value[strspn(value, VIR_NWFILTER_VALID_VARVALUE)] == '\0';
}

/* Adds value under name, keeping names sorted (as upstream's hash table
 * returns them when formatting). */
static void
virNWFilterParamsAdd(virNWFilterParams *params, const char *name,
                     const char *value)
{
    virNWFilterParam *param;
    size_t pos;

    for (pos = 0; pos < params->nparams; pos++) {
        int cmp = strcmp(params->params[pos].name, name);

        if (cmp == 0)
            break;
        if (cmp > 0) {
            params->params = g_renew(virNWFilterParam, params->params,
                                     params->nparams + 1);
            memmove(&params->params[pos + 1], &params->params[pos],
                    (params->nparams - pos) * sizeof(virNWFilterParam));
            memset(&params->params[pos], 0, sizeof(virNWFilterParam));
            params->nparams++;
            params->params[pos].name = g_strdup(name);
            break;
        }
    }
    if (pos == params->nparams) {
        params->params = g_renew(virNWFilterParam, params->params,
                                 params->nparams + 1);
        memset(&params->params[pos], 0, sizeof(virNWFilterParam));
        params->nparams++;
        params->params[pos].name = g_strdup(name);
    }
    param = &params->params[pos];
    param->values = g_renew(char *, param->values, param->nvalues + 1);
    param->values[param->nvalues++] = g_strdup(value);
}

void
virNWFilterParamsParseXML(xmlNodePtr node, virNWFilterParams *params)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "parameter", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(nodes[i], "name");
        g_autofree char *value = virXMLPropString(nodes[i], "value");

        /* upstream drops malformed parameters without a word */
        if (!name || name[strspn(name, VIR_NWFILTER_VALID_VARNAME)] != '\0' ||
            !value || !virNWFilterIsValidVarValue(value))
            continue;
        virNWFilterParamsAdd(params, name, value);
    }
}

void
virNWFilterParamsFormat(virBuffer *buf, const char *filter,
                        const virNWFilterParams *params)
{
    size_t i;
    size_t j;

    virBufferEscapeString(buf, "<filterref filter='%s'", filter);
    if (params->nparams == 0) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < params->nparams; i++) {
        for (j = 0; j < params->params[i].nvalues; j++) {
            virBufferEscapeString(buf, "<parameter name='%s'",
                                  params->params[i].name);
            virBufferEscapeString(buf, " value='%s'/>\n",
                                  params->params[i].values[j]);
        }
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filterref>\n");
}

void
virNWFilterVarAccessFree(virNWFilterVarAccess *access)
{
    if (!access)
        return;
    g_free(access->varName);
    g_free(access);
}

virNWFilterVarAccess *
virNWFilterVarAccessParse(const char *str)
{
    g_autofree virNWFilterVarAccess *access = g_new0(virNWFilterVarAccess, 1);
    size_t len = strspn(str, VIR_NWFILTER_VALID_VARNAME);
    const char *p;
    char *end = NULL;
    unsigned long val;

    if (str[len] == '\0') {
        access->varName = g_strndup(str, len);
        access->accessType = VIR_NWFILTER_VAR_ACCESS_ITERATOR;
        return g_steal_pointer(&access);
    }
    if (str[len] != '[') {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Malformatted variable");
        return NULL;
    }

    p = str + len + 1;
    while (g_ascii_isspace(*p))
        p++;
    if (*p == '@') {
        access->accessType = VIR_NWFILTER_VAR_ACCESS_ITERATOR;
        p++;
    } else {
        access->accessType = VIR_NWFILTER_VAR_ACCESS_ELEMENT;
    }
    errno = 0;
    if (!g_ascii_isdigit(*p) ||
        (val = strtoul(p, &end, 10), errno != 0) || val > G_MAXUINT) {
        end = NULL;
    } else {
        while (g_ascii_isspace(*end))
            end++;
        if (*end != ']')
            end = NULL;
    }
    if (!end) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       access->accessType == VIR_NWFILTER_VAR_ACCESS_ELEMENT ?
                       "Malformatted array index" : "Malformatted iterator id");
        return NULL;
    }
    if (access->accessType == VIR_NWFILTER_VAR_ACCESS_ITERATOR &&
        val > VIR_NWFILTER_MAX_ITERID) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Iterator ID exceeds maximum ID of %u",
                       VIR_NWFILTER_MAX_ITERID);
        return NULL;
    }
    access->index = val;
    access->varName = g_strndup(str, len);
    return g_steal_pointer(&access);
}

void
virNWFilterVarAccessFormat(virBuffer *buf, const virNWFilterVarAccess *access)
{
    virBufferAddStr(buf, access->varName);
    if (access->accessType == VIR_NWFILTER_VAR_ACCESS_ELEMENT)
        virBufferAsprintf(buf, "[%u]", access->index);
    else if (access->index != 0)
        virBufferAsprintf(buf, "[@%u]", access->index);
}

/* "xx:xx:xx:xx:xx:xx" (or with '-'), one or two hex digits a byte:
 * shared by rules and filter bindings. */
int
virNWFilterParseMAC(const char *str, unsigned char *mac)
{
    size_t i;

    for (i = 0; i < 6; i++) {
        char *end = NULL;
        unsigned long val;

        if (!g_ascii_isxdigit(*str))
            return -1;
        val = strtoul(str, &end, 16);
        if (end - str > 2 || val > 0xff)
            return -1;
        mac[i] = val;
        if (i == 5)
            return *end == '\0' ? 0 : -1;
        if (*end != ':' && *end != '-')
            return -1;
        str = end + 1;
    }
    return -1;
}
