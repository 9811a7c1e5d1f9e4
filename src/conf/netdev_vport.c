/*
 * netdev_vport.c: parsing and formatting <virtualport>.
 *
 * Numeric 802.1Qbg parameters accept any base strtoul understands; the
 * formatter writes only the parameters the type accepts, so an untyped
 * virtualport (a portgroup's partial one) keeps everything.
 */
#include "netdev_vport.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_ENUM_IMPL(virNetDevVPort, VIR_NETDEV_VPORT_PROFILE_LAST,
              "none", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet");

/* Reads an optional numeric parameter bounded by max, setting *specified
 * when present; rangeFmt (with one %s for the name) keeps upstream's
 * slightly varying wording. */
static int
virNetDevVPortParseNumber(xmlNodePtr node, const char *name,
                          unsigned int max, const char *rangeFmt,
                          unsigned int *result, bool *specified)
{
    g_autofree char *value = virXMLPropString(node, name);

    *result = 0;
    if (!value)
        return 0;
    if (virStrToLong_ui(value, NULL, 0, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "cannot parse value of %s parameter", name);
        return -1;
    }
    if (*result > max) {
        virReportError(VIR_ERR_XML_ERROR, rangeFmt, name);
        return -1;
    }
    *specified = true;
    return 0;
}

/* Reads an optional UUID parameter, setting *specified when present. */
static int
virNetDevVPortParseUUID(xmlNodePtr node, const char *name,
                        unsigned char *uuid, bool *specified)
{
    g_autofree char *value = virXMLPropString(node, name);

    if (!value)
        return 0;
    if (virUUIDParse(value, uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "cannot parse %s parameter as a uuid", name);
        return -1;
    }
    *specified = true;
    return 0;
}

/* A missing UUID parameter gets a random one when generate is set; false
 * when it stays missing. */
static bool
virNetDevVPortEnsureUUID(unsigned char *uuid, bool *specified, bool generate)
{
    if (*specified)
        return true;
    if (!generate)
        return false;
    virUUIDGenerate(uuid);
    *specified = true;
    return true;
}

static int
virNetDevVPortParseParameters(xmlNodePtr node, virNetDevVPortProfile *def)
{
    g_autofree char *profileid = virXMLPropString(node, "profileid");
    unsigned int val;

    if (virNetDevVPortParseNumber(node, "managerid", 0xff,
                                  "value of %s out of range", &val,
                                  &def->managerID_specified) < 0)
        return -1;
    def->managerID = val;
    if (virNetDevVPortParseNumber(node, "typeid", 0xffffff,
                                  "value for %s out of range", &val,
                                  &def->typeID_specified) < 0)
        return -1;
    def->typeID = val;
    if (virNetDevVPortParseNumber(node, "typeidversion", 0xff,
                                  "value of %s out of range", &val,
                                  &def->typeIDVersion_specified) < 0)
        return -1;
    def->typeIDVersion = val;
    if (virNetDevVPortParseUUID(node, "instanceid", def->instanceID,
                                &def->instanceID_specified) < 0)
        return -1;
    if (profileid) {
        if (strlen(profileid) >= sizeof(def->profileID)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "profileid parameter too long");
            return -1;
        }
        g_strlcpy(def->profileID, profileid, sizeof(def->profileID));
    }
    return virNetDevVPortParseUUID(node, "interfaceid", def->interfaceID,
                                   &def->interfaceID_specified);
}

virNetDevVPortProfile *
virNetDevVPortProfileParse(xmlNodePtr node, unsigned int flags)
{
    g_autofree virNetDevVPortProfile *def = g_new0(virNetDevVPortProfile, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr params;

    if (type &&
        (def->virtPortType = virNetDevVPortTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown virtualport type %s", type);
        return NULL;
    }
    if (def->virtPortType == VIR_NETDEV_VPORT_PROFILE_NONE &&
        (flags & VIR_VPORT_XML_REQUIRE_TYPE)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing required virtualport type");
        return NULL;
    }

    if ((params = virXMLChild(node, "parameters")) &&
        virNetDevVPortParseParameters(params, def) < 0)
        return NULL;

    if (flags & VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS) {
        int t = def->virtPortType;

        if (t == VIR_NETDEV_VPORT_PROFILE_8021QBG ||
            t == VIR_NETDEV_VPORT_PROFILE_NONE)
            virNetDevVPortEnsureUUID(def->instanceID,
                                     &def->instanceID_specified, true);
        if (t == VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH ||
            t == VIR_NETDEV_VPORT_PROFILE_NONE)
            virNetDevVPortEnsureUUID(def->interfaceID,
                                     &def->interfaceID_specified, true);
    }

    if ((flags & VIR_VPORT_XML_REQUIRE_ALL_ATTRIBUTES) &&
        virNetDevVPortProfileCheckComplete(def, false) < 0)
        return NULL;
    if (virNetDevVPortProfileCheckNoExtras(def) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

int
virNetDevVPortProfileCheckComplete(virNetDevVPortProfile *def,
                                   bool generateMissing)
{
    const char *missing = NULL;

    if (!def)
        return 0;

    switch (def->virtPortType) {
    case VIR_NETDEV_VPORT_PROFILE_8021QBG:
        if (!def->managerID_specified) {
            missing = "managerid";
        } else if (!def->typeID_specified) {
            missing = "typeid";
        } else if (!def->typeIDVersion_specified) {
            missing = "typeidversion";
        } else if (!virNetDevVPortEnsureUUID(def->instanceID,
                                             &def->instanceID_specified,
                                             generateMissing)) {
            missing = "instanceid";
        }
        break;
    case VIR_NETDEV_VPORT_PROFILE_8021QBH:
        if (!def->profileID[0])
            missing = "profileid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH:
        if (!virNetDevVPortEnsureUUID(def->interfaceID,
                                      &def->interfaceID_specified,
                                      generateMissing))
            missing = "interfaceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_MIDONET:
        if (!def->interfaceID_specified)
            missing = "interfaceid";
        break;
    }

    if (missing) {
        virReportError(VIR_ERR_XML_ERROR,
                       "missing %s in <virtualport type='%s'>", missing,
                       virNetDevVPortTypeToString(def->virtPortType));
        return -1;
    }
    return 0;
}

int
virNetDevVPortProfileCheckNoExtras(const virNetDevVPortProfile *def)
{
    const char *extra = NULL;

    if (!def)
        return 0;

    switch (def->virtPortType) {
    case VIR_NETDEV_VPORT_PROFILE_8021QBG:
        if (def->profileID[0])
            extra = "profileid";
        else if (def->interfaceID_specified)
            extra = "interfaceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_8021QBH:
    case VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH:
        if (def->managerID_specified)
            extra = "managerid";
        else if (def->typeID_specified)
            extra = "typeid";
        else if (def->typeIDVersion_specified)
            extra = "typeidversion";
        else if (def->instanceID_specified)
            extra = "instanceid";
        else if (def->interfaceID_specified &&
                 def->virtPortType == VIR_NETDEV_VPORT_PROFILE_8021QBH)
            extra = "interfaceid";
        break;
    }

    if (extra) {
        virReportError(VIR_ERR_XML_ERROR,
                       "extra %s unsupported in <virtualport type='%s'>",
                       extra, virNetDevVPortTypeToString(def->virtPortType));
        return -1;
    }
    return 0;
}

bool
virNetDevVPortProfileEqual(const virNetDevVPortProfile *a,
                           const virNetDevVPortProfile *b)
{
    if (!a || !b)
        return a == b;
    return a->virtPortType == b->virtPortType &&
        a->managerID_specified == b->managerID_specified &&
        a->managerID == b->managerID &&
        a->typeID_specified == b->typeID_specified &&
        a->typeID == b->typeID &&
        a->typeIDVersion_specified == b->typeIDVersion_specified &&
        a->typeIDVersion == b->typeIDVersion &&
        a->instanceID_specified == b->instanceID_specified &&
        memcmp(a->instanceID, b->instanceID, VIR_UUID_BUFLEN) == 0 &&
        strcmp(a->profileID, b->profileID) == 0 &&
        a->interfaceID_specified == b->interfaceID_specified &&
        memcmp(a->interfaceID, b->interfaceID, VIR_UUID_BUFLEN) == 0;
}

void
virNetDevVPortProfileFormat(const virNetDevVPortProfile *def,
                            virBuffer *buf)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) paramBuf = VIR_BUFFER_INITIALIZER;
    int t;
    bool qbg;
    bool hasParams;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!def)
        return;
    t = def->virtPortType;
    qbg = t == VIR_NETDEV_VPORT_PROFILE_8021QBG ||
          t == VIR_NETDEV_VPORT_PROFILE_NONE;
    hasParams = def->managerID_specified || def->typeID_specified ||
                def->typeIDVersion_specified || def->instanceID_specified ||
                def->profileID[0] || def->interfaceID_specified;

    if (t == VIR_NETDEV_VPORT_PROFILE_NONE && !hasParams)
        return;
    if (t != VIR_NETDEV_VPORT_PROFILE_NONE)
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virNetDevVPortTypeToString(t));

    if (def->managerID_specified && qbg)
        virBufferAsprintf(&paramBuf, " managerid='%d'", def->managerID);
    if (def->typeID_specified && qbg)
        virBufferAsprintf(&paramBuf, " typeid='%d'", (int)def->typeID);
    if (def->typeIDVersion_specified && qbg)
        virBufferAsprintf(&paramBuf, " typeidversion='%d'",
                          def->typeIDVersion);
    if (def->instanceID_specified && qbg)
        virBufferAsprintf(&paramBuf, " instanceid='%s'",
                          virUUIDFormat(def->instanceID, uuidstr));
    if (def->interfaceID_specified &&
        (t == VIR_NETDEV_VPORT_PROFILE_MIDONET ||
         t == VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH ||
         t == VIR_NETDEV_VPORT_PROFILE_NONE))
        virBufferAsprintf(&paramBuf, " interfaceid='%s'",
                          virUUIDFormat(def->interfaceID, uuidstr));
    if (def->profileID[0] &&
        (t == VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH ||
         t == VIR_NETDEV_VPORT_PROFILE_8021QBH ||
         t == VIR_NETDEV_VPORT_PROFILE_NONE))
        virBufferEscapeString(&paramBuf, " profileid='%s'", def->profileID);

    /* With any parameter set, <parameters/> is written even when the type
     * filters all of them out. */
    if (hasParams)
        virXMLFormatElementEmpty(&childBuf, "parameters", &paramBuf, NULL);
    virXMLFormatElement(buf, "virtualport", &attrBuf, &childBuf);
}
