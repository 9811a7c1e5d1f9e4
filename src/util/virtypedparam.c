/*
 * virtypedparam.c: checks on typed parameter arrays that applications pass
 * to "set parameters" calls, run by the entry points before the driver.
 *
 * The public helpers applications use to build and read such arrays
 * (virTypedParamsAdd*, virTypedParamsGet*) live in libvirt-common.c.
 */
#include "internal.h"
#include "virtypedparam.h"

/* Upstream runs this check from libvirt.c, whose error domain is none. */
#define VIR_FROM_THIS VIR_FROM_NONE

int
virTypedParamsValidateSet(virConnectPtr conn, virTypedParameterPtr params,
                          int nparams)
{
    int i;

    /* Every Vireo driver accepts string parameters, so unlike upstream
     * there is no per-driver feature to ask about; conn is unused. */
    for (i = 0; i < nparams; i++) {
        if (strnlen(params[i].field, VIR_TYPED_PARAM_FIELD_LENGTH) ==
            VIR_TYPED_PARAM_FIELD_LENGTH) {
            virReportInvalidArg(params, "string parameter name '%.*s' too long",
                                VIR_TYPED_PARAM_FIELD_LENGTH,
                                params[i].field);
            return -1;
        }
        if (params[i].type == VIR_TYPED_PARAM_STRING && !params[i].value.s) {
            virReportInvalidArg(params, "NULL string parameter '%s'",
                                params[i].field);
            return -1;
        }
    }
    return 0;
}

/* The type names upstream's messages use, by virTypedParameterType. */
static const char *
virTypedParamTypeName(int type)
{
    static const char *const names[] = {
        "unknown", "int", "uint", "llong", "ullong", "double", "boolean",
        "string",
    };

    if (type < 0 || type >= (int)G_N_ELEMENTS(names))
        return names[0];
    return names[type];
}

static int
virTypedParamCompareField(const void *a, const void *b)
{
    return strcmp(((const virTypedParameter *)a)->field,
                  ((const virTypedParameter *)b)->field);
}

int
virTypedParamsValidate(virTypedParameterPtr params, int nparams, ...)
{
    g_autofree virTypedParameter *sorted = NULL;
    g_autoptr(GArray) keys = g_array_new(FALSE, TRUE,
                                         sizeof(virTypedParameter));
    const char *name;
    const char *last = NULL;
    va_list ap;
    int i;
    guint j;

    va_start(ap, nparams);
    while ((name = va_arg(ap, const char *))) {
        virTypedParameter key = { 0 };
        int type = va_arg(ap, int);

        g_strlcpy(key.field, name, sizeof(key.field));
        key.type = type & ~VIR_TYPED_PARAM_MULTIPLE;
        key.value.i = type & VIR_TYPED_PARAM_MULTIPLE;
        g_array_append_val(keys, key);
    }
    va_end(ap);
    g_array_sort(keys, (GCompareFunc)virTypedParamCompareField);

    /* Both lists sorted by name, walked side by side; the values are not
     * needed, only the names and types. */
    sorted = g_new0(virTypedParameter, MAX(nparams, 1));
    if (nparams > 0)
        memcpy(sorted, params, sizeof(*params) * nparams);
    qsort(sorted, MAX(nparams, 0), sizeof(*sorted),
          virTypedParamCompareField);

    for (i = 0, j = 0; i < nparams && j < keys->len;) {
        virTypedParameter *key = &g_array_index(keys, virTypedParameter, j);

        if (STRNEQ(sorted[i].field, key->field)) {
            j++;
            continue;
        }
        if (STREQ_NULLABLE(last, sorted[i].field) &&
            !(key->value.i & VIR_TYPED_PARAM_MULTIPLE)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "parameter '%s' occurs multiple times",
                           sorted[i].field);
            return -1;
        }
        if (sorted[i].type != key->type) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "invalid type '%s' for parameter '%s', "
                           "expected '%s'",
                           virTypedParamTypeName(sorted[i].type),
                           sorted[i].field, virTypedParamTypeName(key->type));
            return -1;
        }
        last = sorted[i].field;
        i++;
    }
    if (j == keys->len && i != nparams) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "parameter '%s' not supported", sorted[i].field);
        return -1;
    }
    return 0;
}

int
virTypedParamAssign(virTypedParameterPtr param, const char *name, int type,
                    ...)
{
    va_list ap;

    memset(param, 0, sizeof(*param));
    if (g_strlcpy(param->field, name, sizeof(param->field)) >=
        sizeof(param->field)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                       name);
        return -1;
    }
    param->type = type;
    va_start(ap, type);
    switch (type) {
    case VIR_TYPED_PARAM_INT:
        param->value.i = va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_UINT:
        param->value.ui = va_arg(ap, unsigned int);
        break;
    case VIR_TYPED_PARAM_LLONG:
        param->value.l = va_arg(ap, long long);
        break;
    case VIR_TYPED_PARAM_ULLONG:
        param->value.ul = va_arg(ap, unsigned long long);
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        param->value.d = va_arg(ap, double);
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        param->value.b = !!va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_STRING:
        /* The string is taken; an empty one stands for NULL. */
        param->value.s = va_arg(ap, char *);
        if (!param->value.s)
            param->value.s = g_strdup("");
        break;
    default:
        va_end(ap);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        return -1;
    }
    va_end(ap);
    return 0;
}

/* The next slot of list with its name formatted, or NULL once an add
 * failed. */
static virTypedParameterPtr
virTypedParamListNext(virTypedParamList *list, const char *fmt, va_list ap)
{
    virTypedParameterPtr param;

    if (list->failed)
        return NULL;
    if (list->npar == list->alloc) {
        list->alloc = MAX(list->alloc * 2, 8);
        list->par = g_renew(virTypedParameter, list->par, list->alloc);
    }
    param = &list->par[list->npar];
    memset(param, 0, sizeof(*param));
    if (g_vsnprintf(param->field, sizeof(param->field), fmt, ap) >=
        (int)sizeof(param->field)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Field name '%s' too long",
                       param->field);
        list->failed = true;
        return NULL;
    }
    list->npar++;
    return param;
}

#define VIR_TYPED_PARAM_LIST_ADD(list, fmt, TYPE, member, val) \
    do { \
        virTypedParameterPtr param; \
        va_list ap; \
        va_start(ap, fmt); \
        param = virTypedParamListNext(list, fmt, ap); \
        va_end(ap); \
        if (param) { \
            param->type = TYPE; \
            param->value.member = val; \
        } \
    } while (0)

void
virTypedParamListAddInt(virTypedParamList *list, int value,
                        const char *fmt, ...)
{
    VIR_TYPED_PARAM_LIST_ADD(list, fmt, VIR_TYPED_PARAM_INT, i, value);
}

void
virTypedParamListAddUInt(virTypedParamList *list, unsigned int value,
                         const char *fmt, ...)
{
    VIR_TYPED_PARAM_LIST_ADD(list, fmt, VIR_TYPED_PARAM_UINT, ui, value);
}

void
virTypedParamListAddULLong(virTypedParamList *list, unsigned long long value,
                           const char *fmt, ...)
{
    VIR_TYPED_PARAM_LIST_ADD(list, fmt, VIR_TYPED_PARAM_ULLONG, ul, value);
}

void
virTypedParamListAddBoolean(virTypedParamList *list, bool value,
                            const char *fmt, ...)
{
    VIR_TYPED_PARAM_LIST_ADD(list, fmt, VIR_TYPED_PARAM_BOOLEAN, b, value);
}

void
virTypedParamListAddString(virTypedParamList *list, const char *value,
                           const char *fmt, ...)
{
    if (!value)
        return;
    VIR_TYPED_PARAM_LIST_ADD(list, fmt, VIR_TYPED_PARAM_STRING, s,
                             g_strdup(value));
}

void
virTypedParamListClear(virTypedParamList *list)
{
    size_t i;

    for (i = 0; i < list->npar; i++) {
        if (list->par[i].type == VIR_TYPED_PARAM_STRING)
            g_free(list->par[i].value.s);
    }
    g_clear_pointer(&list->par, g_free);
    list->npar = list->alloc = 0;
    list->failed = false;
}

int
virTypedParamListSteal(virTypedParamList *list, virTypedParameterPtr *par,
                       int *npar)
{
    if (list->failed) {
        virTypedParamListClear(list);
        return -1;
    }
    *par = g_steal_pointer(&list->par);
    *npar = list->npar;
    list->npar = list->alloc = 0;
    return 0;
}
