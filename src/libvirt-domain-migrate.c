/*
 * libvirt-domain-migrate.c: the client side of domain migration.
 *
 * Migration cannot be generated: one public call drives several driver
 * slots across two connections.  Protocol 3 moves a domain in five steps:
 * Begin (source: describe the domain), Prepare (destination: get ready to
 * receive), Perform (source: send), Finish (destination: start or discard
 * the copy) and Confirm (source: kill or resume the original).  Cookies
 * carry each side's state to the next step.  "Managed" migration drives
 * the steps from here over two connections; "peer to peer" hands the whole
 * job to the source driver, which talks to the destination itself;
 * "direct" has the source hypervisor send to a bare migration URI.
 * Protocols 1 and 2 are not implemented by any Vireo driver, so they are
 * reported as unsupported.  Argument checks run in upstream's order and
 * report upstream's codes and wording.
 */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif

#include <libxml/uri.h>

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.domain");

/* The domain's name is only safe to read once the object is known valid. */
#define VIR_DOMAIN_DEBUG_NAME(dom) \
    (virObjectIsClass((dom), &virDomainClass) ? NULLSTR((dom)->name) : "<invalid>")
#define VIR_DOMAIN_DEBUG(dom, fmt, ...) \
    VIR_DEBUG("dom=%p, (VM: name=%s), " fmt, (void *)(dom), \
              VIR_DOMAIN_DEBUG_NAME(dom), __VA_ARGS__)

/* Returns 0 when conn's driver has the feature; otherwise reports msg as
 * VIR_ERR_ARGUMENT_UNSUPPORTED (unless the query itself failed) and
 * returns -1. */
static int
virDomainRequireFeature(virConnectPtr conn, int feature, const char *msg)
{
    int rc = virDrvSupportsFeature(conn, feature);

    if (rc > 0)
        return 0;
    if (rc == 0)
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s", msg);
    return -1;
}


/* A deep copy the steps may edit without touching the caller's array. */
static virTypedParameterPtr
virDomainMigrateParamsCopy(virTypedParameterPtr params, int nparams)
{
    virTypedParameterPtr copy = g_new0(virTypedParameter, MAX(nparams, 1));
    int i;

    for (i = 0; i < nparams; i++) {
        copy[i] = params[i];
        if (params[i].type == VIR_TYPED_PARAM_STRING)
            copy[i].value.s = g_strdup(params[i].value.s);
    }
    return copy;
}

static int
virDomainMigrateParamsReplaceString(virTypedParameterPtr *params,
                                    int *nparams, const char *name,
                                    const char *value)
{
    virTypedParameterPtr param = NULL;
    int i;

    for (i = 0; i < *nparams; i++) {
        if (STREQ((*params)[i].field, name)) {
            param = &(*params)[i];
            break;
        }
    }

    if (param) {
        if (param->type != VIR_TYPED_PARAM_STRING) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Parameter '%s' is not a string", param->field);
            return -1;
        }
        g_free(param->value.s);
    } else {
        *params = g_renew(virTypedParameter, *params, *nparams + 1);
        param = &(*params)[*nparams];
        memset(param, 0, sizeof(*param));
        g_strlcpy(param->field, name, sizeof(param->field));
        param->type = VIR_TYPED_PARAM_STRING;
        (*nparams)++;
    }
    param->value.s = g_strdup(value);
    return 0;
}

/* True when every parameter is one of names (what older protocols carry). */
static bool
virDomainMigrateParamsOnly(virTypedParameterPtr params, int nparams,
                           const char **names, size_t nnames)
{
    int i;
    size_t j;

    for (i = 0; i < nparams; i++) {
        bool known = false;

        for (j = 0; j < nnames && !known; j++)
            known = STREQ(params[i].field, names[j]);
        if (!known)
            return false;
    }
    return true;
}

static const char *virDomainMigrateCompatParams[] = {
    VIR_MIGRATE_PARAM_URI,
    VIR_MIGRATE_PARAM_DEST_NAME,
    VIR_MIGRATE_PARAM_DEST_XML,
    VIR_MIGRATE_PARAM_BANDWIDTH,
};

/* The values protocol 3 without parameters carries. */
static int
virDomainMigrateParamsUnpack(virTypedParameterPtr params, int nparams,
                             const char **uri, const char **dname,
                             const char **dxml, unsigned long long *bandwidth)
{
    if (virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_URI, uri) < 0 ||
        virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_NAME, dname) < 0 ||
        virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_XML, dxml) < 0 ||
        virTypedParamsGetULLong(params, nparams, VIR_MIGRATE_PARAM_BANDWIDTH, bandwidth) < 0)
        return -1;
    return 0;
}

/* Peer-to-peer migration to this very host would have the daemon connect
 * to itself; that is almost always a mistake unless the caller named a
 * UNIX socket explicitly. */
static bool
virDomainMigrateURIHasSocket(xmlURIPtr uri)
{
    g_auto(GStrv) pairs = NULL;
    const char *plus;
    size_t i;

    if (!uri->scheme || !(plus = strchr(uri->scheme, '+')) ||
        STRNEQ(plus, "+unix"))
        return false;
    if (!uri->query)
        return false;

    pairs = g_strsplit_set(uri->query, "&;", -1);
    for (i = 0; pairs[i]; i++) {
        g_autofree char *name = g_strndup(pairs[i], strcspn(pairs[i], "="));

        if (STREQ(name, "socket"))
            return true;
    }
    return false;
}

static int
virDomainMigrateCheckNotLocal(const char *dconnuri)
{
    xmlURIPtr uri = xmlParseURI(dconnuri);
    bool local;

    if (!uri) {
        virReportErrorHelper(VIR_FROM_URI, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __func__, __LINE__, "Unable to parse URI %s",
                             dconnuri);
        return -1;
    }

    if (uri->server && *uri->server)
        local = STRPREFIX(uri->server, "localhost");
    else
        local = !virDomainMigrateURIHasSocket(uri);
    xmlFreeURI(uri);

    if (local) {
        virReportInvalidArg(dconnuri, "%s",
                            "Attempt to migrate guest to the same host");
        return -1;
    }
    return 0;
}


/* Managed protocol 3, with or without extensible parameters.  The source
 * and destination steps alternate; whatever fails, Finish and Confirm
 * still run so that exactly one copy of the domain keeps running, and the
 * first error seen is the one the caller gets. */
static virDomainPtr
virDomainMigrateVersion3Full(virDomainPtr domain, virConnectPtr dconn,
                             const char *xmlin, const char *dname,
                             const char *uri, unsigned long long bandwidth,
                             virTypedParameterPtr inparams, int nparams,
                             bool useParams, unsigned int flags)
{
    virHypervisorDriver *src = domain->conn->driver;
    virHypervisorDriver *dst = dconn->driver;
    virDomainPtr ddomain = NULL;
    virTypedParameterPtr params = NULL;
    g_autofree char *uri_out = NULL;
    g_autofree char *cookiein = NULL;
    g_autofree char *cookieout = NULL;
    g_autofree char *dom_xml = NULL;
    int cookieinlen = 0;
    int cookieoutlen = 0;
    virErrorPtr orig_err = NULL;
    int cancelled = 1;
    unsigned long protection = 0;
    bool notify_source = true;
    unsigned int destflags;
    int state;
    int ret;

    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, xmlin=%s, dname=%s, uri=%s, bandwidth=%llu, "
                     "params=%p, nparams=%d, useParams=%d, flags=0x%x",
                     (void *)dconn, NULLSTR(xmlin), NULLSTR(dname),
                     NULLSTR(uri), bandwidth, (void *)inparams, nparams,
                     useParams, flags);

    if (!src || !dst ||
        (!useParams &&
         (!src->domainMigrateBegin3 || !src->domainMigratePerform3 ||
          !src->domainMigrateConfirm3 || !dst->domainMigratePrepare3 ||
          !dst->domainMigrateFinish3)) ||
        (useParams &&
         (!src->domainMigrateBegin3Params || !src->domainMigratePerform3Params ||
          !src->domainMigrateConfirm3Params || !dst->domainMigratePrepare3Params ||
          !dst->domainMigrateFinish3Params))) {
        virReportUnsupportedError();
        return NULL;
    }

    params = virDomainMigrateParamsCopy(inparams, nparams);

    ret = virDrvSupportsFeature(domain->conn,
                                VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION);
    if (ret < 0)
        goto done;
    if (ret)
        protection = VIR_MIGRATE_CHANGE_PROTECTION;

    VIR_DEBUG("Begin3 %p", (void *)domain->conn);
    if (useParams)
        dom_xml = src->domainMigrateBegin3Params(domain, params, nparams,
                                                 &cookieout, &cookieoutlen,
                                                 flags | protection);
    else
        dom_xml = src->domainMigrateBegin3(domain, xmlin, &cookieout,
                                           &cookieoutlen, flags | protection,
                                           dname, bandwidth);
    if (!dom_xml)
        goto done;

    /* A paused source stays paused on the destination. */
    if (useParams) {
        ret = virDomainGetState(domain, &state, NULL, 0);
    } else {
        virDomainInfo info;

        ret = virDomainGetInfo(domain, &info);
        state = info.state;
    }
    if (ret == 0 && state == VIR_DOMAIN_PAUSED &&
        !(flags & VIR_MIGRATE_POSTCOPY_RESUME))
        flags |= VIR_MIGRATE_PAUSED;

    destflags = flags & ~(VIR_MIGRATE_ABORT_ON_ERROR |
                          VIR_MIGRATE_AUTO_CONVERGE);

    VIR_DEBUG("Prepare3 %p flags=0x%x", (void *)dconn, destflags);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams) {
        if (virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_DEST_XML,
                                                dom_xml) < 0)
            goto done;
        ret = dst->domainMigratePrepare3Params(dconn, params, nparams,
                                               cookiein, cookieinlen,
                                               &cookieout, &cookieoutlen,
                                               &uri_out, destflags);
    } else {
        ret = dst->domainMigratePrepare3(dconn, cookiein, cookieinlen,
                                         &cookieout, &cookieoutlen, uri,
                                         &uri_out, destflags, dname,
                                         bandwidth, dom_xml);
    }
    if (ret == -1) {
        /* With change protection Begin started a job on the source that
         * only Confirm ends. */
        if (protection) {
            virErrorPreserveLast(&orig_err);
            goto confirm;
        }
        goto done;
    }

    if (uri_out) {
        uri = uri_out;
        if (useParams &&
            virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_URI,
                                                uri_out) < 0) {
            virErrorPreserveLast(&orig_err);
            goto finish;
        }
    } else if (!uri &&
               virTypedParamsGetString(params, nparams,
                                       VIR_MIGRATE_PARAM_URI, &uri) <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "domainMigratePrepare3 did not set uri");
        virErrorPreserveLast(&orig_err);
        goto finish;
    }

    if (flags & VIR_MIGRATE_OFFLINE) {
        VIR_DEBUG("Offline migration, skipping Perform phase");
        g_clear_pointer(&cookieout, g_free);
        cookieoutlen = 0;
        cancelled = 0;
        goto finish;
    }

    /* Perform returns once the data is sent; the source stays paused until
     * Confirm. */
    VIR_DEBUG("Perform3 %p uri=%s", (void *)domain->conn, NULLSTR(uri));
    g_free(cookiein);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams)
        ret = src->domainMigratePerform3Params(domain, NULL, params, nparams,
                                               cookiein, cookieinlen,
                                               &cookieout, &cookieoutlen,
                                               flags | protection);
    else
        ret = src->domainMigratePerform3(domain, NULL, cookiein, cookieinlen,
                                         &cookieout, &cookieoutlen, NULL,
                                         uri, flags | protection, dname,
                                         bandwidth);
    if (ret < 0) {
        virErrorPreserveLast(&orig_err);
        /* The source already knows it failed and has cleaned up. */
        notify_source = false;
    }
    cancelled = ret < 0 ? 1 : 0;

 finish:
    VIR_DEBUG("Finish3 %p ret=%d", (void *)dconn, ret);
    g_free(cookiein);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams) {
        if (virTypedParamsGetString(params, nparams,
                                    VIR_MIGRATE_PARAM_DEST_NAME, NULL) <= 0 &&
            virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_DEST_NAME,
                                                domain->name) < 0) {
            ddomain = NULL;
        } else {
            ddomain = dst->domainMigrateFinish3Params(dconn, params, nparams,
                                                      cookiein, cookieinlen,
                                                      &cookieout, &cookieoutlen,
                                                      destflags, cancelled);
        }
    } else {
        ddomain = dst->domainMigrateFinish3(dconn, dname ? dname : domain->name,
                                            cookiein, cookieinlen,
                                            &cookieout, &cookieoutlen, NULL,
                                            uri, destflags, cancelled);
    }

    if (cancelled) {
        if (ddomain) {
            VIR_ERROR("finish step ignored that migration was cancelled");
        } else if (orig_err && orig_err->domain == VIR_FROM_QEMU &&
                   orig_err->code == VIR_ERR_OPERATION_FAILED) {
            /* When the domain died on the destination, Finish explains why
             * better than Perform's generic failure. */
            virErrorPtr err = virGetLastError();

            if (err && err->domain == VIR_FROM_QEMU &&
                err->code != VIR_ERR_MIGRATE_FINISH_OK)
                g_clear_pointer(&orig_err, virFreeError);
        }
    }

    /* No domain on the destination: the source must resume. */
    cancelled = ddomain == NULL ? 1 : 0;

    if (!orig_err)
        virErrorPreserveLast(&orig_err);

 confirm:
    if (notify_source) {
        VIR_DEBUG("Confirm3 %p ret=%d domain=%p", (void *)domain->conn, ret,
                  (void *)domain);
        g_free(cookiein);
        cookiein = g_steal_pointer(&cookieout);
        cookieinlen = cookieoutlen;
        cookieoutlen = 0;
        if (useParams)
            ret = src->domainMigrateConfirm3Params(domain, params, nparams,
                                                   cookiein, cookieinlen,
                                                   flags | protection,
                                                   cancelled);
        else
            ret = src->domainMigrateConfirm3(domain, cookiein, cookieinlen,
                                             flags | protection, cancelled);
        if (ret < 0)
            VIR_WARN("Guest %s probably left in 'paused' state on source",
                     domain->name);
    }

 done:
    virErrorRestore(&orig_err);
    virTypedParamsFree(params, nparams);
    return ddomain;
}


/* Peer-to-peer or direct migration: one call to the source driver. */
static int
virDomainMigrateUnmanagedParams(virDomainPtr domain, const char *dconnuri,
                                virTypedParameterPtr params, int nparams,
                                unsigned int flags)
{
    virHypervisorDriver *src = domain->conn->driver;
    const char *miguri = NULL;
    const char *dname = NULL;
    const char *xmlin = NULL;
    unsigned long long bandwidth = 0;
    int rc;

    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, params=%p, nparams=%d, flags=0x%x",
                     NULLSTR(dconnuri), (void *)params, nparams, flags);

    if ((flags & VIR_MIGRATE_PEER2PEER) &&
        virDomainMigrateCheckNotLocal(dconnuri) < 0)
        return -1;

    if (flags & VIR_MIGRATE_PEER2PEER) {
        if ((rc = virDrvSupportsFeature(domain->conn,
                                        VIR_DRV_FEATURE_MIGRATION_PARAMS)) < 0)
            return -1;
        if (rc) {
            VIR_DEBUG("Using migration protocol 3 with extensible parameters");
            if (!src || !src->domainMigratePerform3Params) {
                virReportUnsupportedError();
                return -1;
            }
            return src->domainMigratePerform3Params(domain, dconnuri, params,
                                                    nparams, NULL, 0, NULL,
                                                    NULL, flags);
        }
    }

    if ((rc = virDrvSupportsFeature(domain->conn,
                                    VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
        return -1;
    if (!rc || !src || !src->domainMigratePerform3) {
        /* Protocol 2 would be next; no Vireo driver speaks it. */
        virReportUnsupportedError();
        return -1;
    }

    VIR_DEBUG("Using migration protocol 3");
    if (!virDomainMigrateParamsOnly(params, nparams,
                                    virDomainMigrateCompatParams,
                                    G_N_ELEMENTS(virDomainMigrateCompatParams))) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Some parameters are not supported by migration protocol 3");
        return -1;
    }
    if (virDomainMigrateParamsUnpack(params, nparams, &miguri, &dname,
                                     &xmlin, &bandwidth) < 0)
        return -1;

    return src->domainMigratePerform3(domain, xmlin, NULL, 0, NULL, NULL,
                                      dconnuri, miguri, flags, dname,
                                      bandwidth);
}


/* The legacy entry points pass loose arguments; bundle them as
 * parameters. */
static int
virDomainMigrateUnmanaged(virDomainPtr domain, const char *xmlin,
                          unsigned int flags, const char *dname,
                          const char *dconnuri, const char *miguri,
                          unsigned long long bandwidth)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    int ret = -1;

    if (miguri &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_URI, miguri) < 0)
        goto cleanup;
    if (dname &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_DEST_NAME, dname) < 0)
        goto cleanup;
    if (xmlin &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_DEST_XML, xmlin) < 0)
        goto cleanup;
    if (virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_BANDWIDTH, bandwidth) < 0)
        goto cleanup;

    ret = virDomainMigrateUnmanagedParams(domain, dconnuri, params, nparams,
                                          flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* Offline migration needs both ends to support it. */
static int
virDomainMigrateCheckOffline(virConnectPtr sconn, virConnectPtr dconn,
                             unsigned long flags)
{
    if (!(flags & VIR_MIGRATE_OFFLINE))
        return 0;
    if (virDomainRequireFeature(sconn, VIR_DRV_FEATURE_MIGRATION_OFFLINE,
                                "offline migration is not supported by the source host") < 0)
        return -1;
    if (dconn &&
        virDomainRequireFeature(dconn, VIR_DRV_FEATURE_MIGRATION_OFFLINE,
                                "offline migration is not supported by the destination host") < 0)
        return -1;
    return 0;
}

/* Change protection is re-added by protocol 3 on the source only, so it is
 * checked here and masked out for the destination's sake. */
static int
virDomainMigrateCheckProtection(virConnectPtr sconn, unsigned long *flags)
{
    if ((*flags & VIR_MIGRATE_CHANGE_PROTECTION) &&
        virDomainRequireFeature(sconn, VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION,
                                "cannot enforce change protection") < 0)
        return -1;
    *flags &= ~VIR_MIGRATE_CHANGE_PROTECTION;
    return 0;
}

/* 1 when both ends support feature, 0 when not, -1 on error. */
static int
virDomainMigrateBothSupport(virConnectPtr sconn, virConnectPtr dconn,
                            int feature)
{
    int rc_src;
    int rc_dst;

    if ((rc_src = virDrvSupportsFeature(sconn, feature)) < 0)
        return -1;
    if ((rc_dst = virDrvSupportsFeature(dconn, feature)) < 0)
        return -1;
    return rc_src && rc_dst;
}


/* "not supported" names the public function the caller called. */
#define VIR_DOMAIN_REPORT_UNSUPPORTED(funcname) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_NO_SUPPORT, __FILE__, \
                         (funcname), __LINE__, "%s", (funcname))

/* virDomainMigrate and virDomainMigrate2 differ only in dxml and in the
 * destination URI used for peer-to-peer. */
static virDomainPtr
virDomainMigrateLegacy(virDomainPtr domain, virConnectPtr dconn,
                       const char *dxml, unsigned long flags,
                       const char *dname, const char *uri,
                       unsigned long bandwidth, bool uriIsDconnuri,
                       const char *funcname)
{
    virDomainPtr ddomain = NULL;
    int rc;

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_NON_SHARED_DISK,
                             VIR_MIGRATE_NON_SHARED_INC, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED,
                             VIR_MIGRATE_PARALLEL, error);
    VIR_REQUIRE_FLAG_GOTO(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                          VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                          error);

    if (virDomainMigrateCheckOffline(domain->conn, dconn, flags) < 0)
        goto error;

    if (flags & VIR_MIGRATE_PEER2PEER) {
        g_autofree char *dstURI = NULL;

        if ((rc = virDrvSupportsFeature(domain->conn,
                                        VIR_DRV_FEATURE_MIGRATION_P2P)) < 0)
            goto error;
        if (!rc) {
            VIR_DOMAIN_REPORT_UNSUPPORTED(funcname);
            goto error;
        }

        /* virDomainMigrate lets uri name the destination libvirtd;
         * virDomainMigrate2 always uses dconn's own URI. */
        if (!uriIsDconnuri || !uri) {
            if (!(dstURI = virConnectGetURI(dconn)))
                return NULL;
        }

        VIR_DEBUG("Using peer2peer migration");
        if (uriIsDconnuri) {
            if (virDomainMigrateUnmanaged(domain, dxml, flags, dname,
                                          uri ? uri : dstURI, NULL,
                                          bandwidth) < 0)
                goto error;
        } else {
            if (virDomainMigrateUnmanaged(domain, dxml, flags, dname,
                                          dstURI, uri, bandwidth) < 0)
                goto error;
        }

        ddomain = virDomainLookupByName(dconn, dname ? dname : domain->name);
    } else {
        if (virDomainMigrateCheckProtection(domain->conn, &flags) < 0)
            goto error;
        if (flags & VIR_MIGRATE_TUNNELLED) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot perform tunnelled migration without using peer2peer flag");
            goto error;
        }

        if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                              VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
            goto error;
        if (!rc) {
            VIR_DOMAIN_REPORT_UNSUPPORTED(funcname);
            goto error;
        }
        VIR_DEBUG("Using migration protocol 3");
        ddomain = virDomainMigrateVersion3Full(domain, dconn, dxml, dname, uri,
                                               bandwidth, NULL, 0, false, flags);
    }

    if (!ddomain)
        goto error;
    return ddomain;

 error:
    virDispatchError(domain->conn);
    return NULL;
}


/* The checks every managed migration call starts with: both connections
 * valid and writable.  Macros, so that errors name the public function.
 * (Upstream's virDomainMigrate3 checks only that dconn is writable,
 * crashing on NULL; validating it first turns that into an error.) */
#define VIR_MIGRATE_CHECK_CONNS(domain, dconn, label) \
    do { \
        virCheckDomainReturn(domain, NULL); \
        virCheckReadOnlyGoto((domain)->conn->flags, label); \
        virCheckConnectGoto(dconn, label); \
        virCheckReadOnlyGoto((dconn)->flags, label); \
    } while (0)

virDomainPtr
virDomainMigrate(virDomainPtr domain, virConnectPtr dconn,
                 unsigned long flags, const char *dname, const char *uri,
                 unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, flags=0x%lx, dname=%s, uri=%s, bandwidth=%lu",
                     (void *)dconn, flags, NULLSTR(dname), NULLSTR(uri),
                     bandwidth);

    virResetLastError();

    VIR_MIGRATE_CHECK_CONNS(domain, dconn, error);

    return virDomainMigrateLegacy(domain, dconn, NULL, flags, dname, uri,
                                  bandwidth, true, __func__);

 error:
    virDispatchError(domain->conn);
    return NULL;
}


virDomainPtr
virDomainMigrate2(virDomainPtr domain, virConnectPtr dconn,
                  const char *dxml, unsigned long flags, const char *dname,
                  const char *uri, unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, dxml=%s, flags=0x%lx, dname=%s, uri=%s, bandwidth=%lu",
                     (void *)dconn, NULLSTR(dxml), flags, NULLSTR(dname),
                     NULLSTR(uri), bandwidth);

    virResetLastError();

    VIR_MIGRATE_CHECK_CONNS(domain, dconn, error);

    return virDomainMigrateLegacy(domain, dconn, dxml, flags, dname, uri,
                                  bandwidth, false, __func__);

 error:
    virDispatchError(domain->conn);
    return NULL;
}


virDomainPtr
virDomainMigrate3(virDomainPtr domain, virConnectPtr dconn,
                  virTypedParameterPtr params, unsigned int nparams,
                  unsigned int flags)
{
    virDomainPtr ddomain = NULL;
    unsigned long lflags = flags;
    const char *uri = NULL;
    const char *dname = NULL;
    const char *dxml = NULL;
    unsigned long long bandwidth = 0;
    int rc;

    VIR_DOMAIN_DEBUG(domain, "dconn=%p, params=%p, nparams=%u, flags=0x%x",
                     (void *)dconn, (void *)params, nparams, flags);

    virResetLastError();

    VIR_MIGRATE_CHECK_CONNS(domain, dconn, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_NON_SHARED_DISK,
                             VIR_MIGRATE_NON_SHARED_INC, error);
    VIR_REQUIRE_FLAG_GOTO(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                          VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                          error);

    if (flags & VIR_MIGRATE_PEER2PEER) {
        virReportInvalidArg(flags, "%s",
                            "use virDomainMigrateToURI3 for peer-to-peer migration");
        goto error;
    }
    if (flags & VIR_MIGRATE_TUNNELLED) {
        virReportInvalidArg(flags, "%s",
                            "cannot perform tunnelled migration without using peer2peer flag");
        goto error;
    }

    if (virDomainMigrateCheckOffline(domain->conn, dconn, flags) < 0)
        goto error;
    if (virDomainMigrateCheckProtection(domain->conn, &lflags) < 0)
        goto error;
    flags = lflags;

    /* Prefer parameters; fall back to plain protocol 3 when the caller
     * passed nothing it cannot carry. */
    if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                          VIR_DRV_FEATURE_MIGRATION_PARAMS)) < 0)
        goto error;
    if (rc) {
        VIR_DEBUG("Using migration protocol 3 with extensible parameters");
        ddomain = virDomainMigrateVersion3Full(domain, dconn, NULL, NULL, NULL,
                                               0, params, nparams, true, flags);
        goto done;
    }

    if (!virDomainMigrateParamsOnly(params, nparams,
                                    virDomainMigrateCompatParams,
                                    G_N_ELEMENTS(virDomainMigrateCompatParams))) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Migration APIs with extensible parameters are not supported but extended parameters were passed");
        goto error;
    }
    if (virDomainMigrateParamsUnpack(params, nparams, &uri, &dname, &dxml,
                                     &bandwidth) < 0)
        goto error;

    if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                          VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
        goto error;
    if (!rc) {
        virReportUnsupportedError();
        goto error;
    }
    VIR_DEBUG("Using migration protocol 3");
    ddomain = virDomainMigrateVersion3Full(domain, dconn, dxml, dname, uri,
                                           bandwidth, NULL, 0, false, flags);

 done:
    if (!ddomain)
        goto error;
    return ddomain;

 error:
    virDispatchError(domain->conn);
    return NULL;
}


/* Checks shared by the ToURI variants, which never see the destination
 * connection. */
static int
virDomainMigrateUnmanagedCheckCompat(virDomainPtr domain, unsigned long flags)
{
    VIR_EXCLUSIVE_FLAGS_RET(VIR_MIGRATE_NON_SHARED_DISK,
                            VIR_MIGRATE_NON_SHARED_INC, -1);
    VIR_REQUIRE_FLAG_RET(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                         VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                         -1);

    if (virDomainMigrateCheckOffline(domain->conn, NULL, flags) < 0)
        return -1;

    if (flags & VIR_MIGRATE_PEER2PEER)
        return virDomainRequireFeature(domain->conn, VIR_DRV_FEATURE_MIGRATION_P2P,
                                       "p2p migration is not supported by the source host");
    return virDomainRequireFeature(domain->conn, VIR_DRV_FEATURE_MIGRATION_DIRECT,
                                   "direct migration is not supported by the source host");
}


/* The flag checks of the ToURI calls, after the read-only check. */
#define VIR_MIGRATE_CHECK_UNMANAGED(domain, flags, label) \
    do { \
        VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_PARALLEL, label); \
        if (virDomainMigrateUnmanagedCheckCompat(domain, flags) < 0) \
            goto label; \
    } while (0)

/* The checks of ToURI2 and ToURI3: the destination libvirtd's URI is
 * needed for peer-to-peer only, and ignored otherwise. */
#define VIR_MIGRATE_CHECK_TO_URI(domain, flags, dconnuri, label) \
    do { \
        virCheckDomainReturn(domain, -1); \
        virCheckReadOnlyGoto((domain)->conn->flags, label); \
        VIR_MIGRATE_CHECK_UNMANAGED(domain, flags, label); \
        if ((flags) & VIR_MIGRATE_PEER2PEER) \
            virCheckNonNullArgGoto(dconnuri, label); \
        else \
            dconnuri = NULL; \
    } while (0)

int
virDomainMigrateToURI(virDomainPtr domain, const char *duri,
                      unsigned long flags, const char *dname,
                      unsigned long bandwidth)
{
    const char *dconnuri = NULL;
    const char *miguri = NULL;

    VIR_DOMAIN_DEBUG(domain, "duri=%s, flags=0x%lx, dname=%s, bandwidth=%lu",
                     NULLSTR(duri), flags, NULLSTR(dname), bandwidth);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    virCheckReadOnlyGoto(domain->conn->flags, error);
    virCheckNonNullArgGoto(duri, error);

    VIR_MIGRATE_CHECK_UNMANAGED(domain, flags, error);

    /* One URI: the destination libvirtd for peer-to-peer, the hypervisor's
     * migration address otherwise. */
    if (flags & VIR_MIGRATE_PEER2PEER)
        dconnuri = duri;
    else
        miguri = duri;

    if (virDomainMigrateUnmanaged(domain, NULL, flags, dname, dconnuri,
                                  miguri, bandwidth) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}


int
virDomainMigrateToURI2(virDomainPtr domain, const char *dconnuri,
                       const char *miguri, const char *dxml,
                       unsigned long flags, const char *dname,
                       unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, miguri=%s, dxml=%s, "
                     "flags=0x%lx, dname=%s, bandwidth=%lu",
                     NULLSTR(dconnuri), NULLSTR(miguri), NULLSTR(dxml),
                     flags, NULLSTR(dname), bandwidth);

    virResetLastError();

    VIR_MIGRATE_CHECK_TO_URI(domain, flags, dconnuri, error);

    if (virDomainMigrateUnmanaged(domain, dxml, flags, dname, dconnuri,
                                  miguri, bandwidth) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}


int
virDomainMigrateToURI3(virDomainPtr domain, const char *dconnuri,
                       virTypedParameterPtr params, unsigned int nparams,
                       unsigned int flags)
{
    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, params=%p, nparams=%u, flags=0x%x",
                     NULLSTR(dconnuri), (void *)params, nparams, flags);

    virResetLastError();

    VIR_MIGRATE_CHECK_TO_URI(domain, flags, dconnuri, error);

    if (virDomainMigrateUnmanagedParams(domain, dconnuri, params, nparams,
                                        flags) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}
