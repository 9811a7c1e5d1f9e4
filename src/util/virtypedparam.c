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
