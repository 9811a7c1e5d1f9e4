/*
 * test_domain_misc.c: the smaller domain calls of upstream's test driver
 * that belong to no other part: rename, lifecycle actions, the security
 * label, messages, and the *WithFiles starts
 * (the test driver has no use for the files).
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/object_event_types.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_misc");

/* The names of virDomainLifecycle, for messages. */
VIR_ENUM_DECL(testLifecycle);
VIR_ENUM_IMPL(testLifecycle, VIR_DOMAIN_LIFECYCLE_LAST,
              "poweroff", "reboot", "crash");

static int
testDomainRename(virDomainPtr dom, const char *new_name, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *old_name = NULL;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot rename active domain");
        return -1;
    }
    if (!vm->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot rename a transient domain");
        return -1;
    }
    if (virDomainObjGetState(vm, NULL) != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain has to be shutoff before renaming");
        return -1;
    }
    if (STREQ(vm->def->name, new_name)) {
        testDomainConfError(VIR_ERR_OPERATION_INVALID, "%s",
                            "Can't rename domain to itself");
        return -1;
    }
    if (strchr(new_name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       new_name);
        return -1;
    }

    /* The list is locked before the domain: let go of vm meanwhile.  A
     * shut-off domain has no newDef, so def->name is the only name. */
    old_name = g_strdup(vm->def->name);
    virObjectUnlock(vm);
    if (virDomainObjListRename(driver->domains, vm, new_name) < 0) {
        virObjectLock(vm);
        return -1;
    }
    virObjectLock(vm);

    virObjectEventStateQueue(driver->eventState,
                             virDomainEventLifecycleNew(
                                 old_name, vm->def->uuid, vm->def->id,
                                 VIR_DOMAIN_EVENT_UNDEFINED,
                                 VIR_DOMAIN_EVENT_UNDEFINED_RENAMED));
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_DEFINED,
                             VIR_DOMAIN_EVENT_DEFINED_RENAMED);
    return 0;
}

static void
testDomainDefSetLifecycleAction(virDomainDef *def, unsigned int type,
                                unsigned int action)
{
    switch ((virDomainLifecycle)type) {
    case VIR_DOMAIN_LIFECYCLE_POWEROFF:
        def->onPoweroff = action;
        break;
    case VIR_DOMAIN_LIFECYCLE_REBOOT:
        def->onReboot = action;
        break;
    case VIR_DOMAIN_LIFECYCLE_CRASH:
        def->onCrash = action;
        break;
    case VIR_DOMAIN_LIFECYCLE_LAST:
        break;
    }
}

/* Power-off and reboot cannot dump core; a crash can do anything. */
static bool
testDomainLifecycleActionAllowed(unsigned int type, unsigned int action)
{
    if (type == VIR_DOMAIN_LIFECYCLE_CRASH ||
        (action != VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY &&
         action != VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART))
        return true;
    testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                        "Lifecycle event '%s' doesn't support '%s' action",
                        testLifecycleTypeToString(type),
                        virDomainLifecycleActionTypeToString(action));
    return false;
}

static int
testDomainSetLifecycleAction(virDomainPtr dom, unsigned int type,
                             unsigned int action, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *live = NULL;
    virDomainDef *config = NULL;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!testDomainLifecycleActionAllowed(type, action))
        return -1;
    if (!(vm = testDomObjFromDomain(dom)) ||
        virDomainObjGetDefs(vm, flags, testDriverDomainXMLOption(), &live,
                            &config) < 0)
        return -1;
    if (live)
        testDomainDefSetLifecycleAction(live, type, action);
    if (config)
        testDomainDefSetLifecycleAction(config, type, action);
    return 0;
}

/* A running test guest is labelled, as if confined by a security
 * driver; a stopped one has no label. */
static int
testDomainGetSecurityLabel(virDomainPtr dom, virSecurityLabelPtr seclabel)
{
    g_autoptr(virDomainObj) vm = NULL;

    memset(seclabel, 0, sizeof(*seclabel));
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjIsActive(vm)) {
        g_strlcpy(seclabel->label, "libvirt-test", sizeof(seclabel->label));
        seclabel->enforcing = 1;
    }
    return 0;
}

/* The test driver neither taints guests nor finds deprecated
 * configuration: there are never messages. */
static int
testDomainGetMessages(virDomainPtr dom, char ***msgs, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_MESSAGE_DEPRECATION |
                  VIR_DOMAIN_MESSAGE_TAINTING, -1);

    *msgs = NULL;
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    return 0;
}

static virDomainPtr
testDomainCreateXMLWithFiles(virConnectPtr conn, const char *xml,
                             unsigned int nfiles G_GNUC_UNUSED,
                             int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateXML(conn, xml, flags);
}

static int
testDomainCreateWithFiles(virDomainPtr dom, unsigned int nfiles G_GNUC_UNUSED,
                          int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateWithFlags(dom, flags);
}

void
testDomainMiscSlots(virHypervisorDriver *hv)
{
    hv->domainRename = testDomainRename;
    hv->domainSetLifecycleAction = testDomainSetLifecycleAction;
    hv->domainGetSecurityLabel = testDomainGetSecurityLabel;
    hv->domainGetMessages = testDomainGetMessages;
    hv->domainCreateXMLWithFiles = testDomainCreateXMLWithFiles;
    hv->domainCreateWithFiles = testDomainCreateWithFiles;
}
