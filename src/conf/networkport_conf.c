/*
 * networkport_conf.c: parsing and formatting <networkport>.
 *
 * A port needs its own UUID, its owner's name and UUID and a MAC; the
 * bandwidth floor is accepted here whatever the network (the network
 * checks it when the port is plugged).
 */
#include "networkport_conf.h"
#include "conf_xmlprop.h"
#include "network_conf.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_ENUM_IMPL(virNetworkPortPlug, VIR_NETWORK_PORT_PLUG_TYPE_LAST,
              "none", "network", "bridge", "direct", "hostdev-pci");
VIR_ENUM_IMPL(virNetworkPortDirectMode, VIR_NETWORK_PORT_DIRECT_MODE_LAST,
              "vepa", "private", "bridge", "passthrough");

void
virNetworkPortDefFree(virNetworkPortDef *def)
{
    if (!def)
        return;
    g_free(def->ownername);
    g_free(def->group);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    g_free(def->virtPortProfile);
    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        g_free(def->plug.bridge.brname);
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        g_free(def->plug.direct.linkdev);
        break;
    }
    g_free(def);
}

static int
virNetworkPortParseUUID(xmlNodePtr parent, const char *missing,
                        unsigned char *uuid)
{
    g_autofree char *str = virConfXMLChildNonEmpty(parent, "uuid");

    if (!str) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", missing);
        return -1;
    }
    if (virUUIDParse(str, uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to parse UUID '%s'", str);
        return -1;
    }
    return 0;
}

static int
virNetworkPortParsePlug(xmlNodePtr plug, virNetworkPortDef *def)
{
    g_autofree char *macmgr = NULL;
    g_autofree char *mode = NULL;
    xmlNodePtr node;

    if (!plug)
        return 0;
    if (virXMLPropEnum(plug, "type", virNetworkPortPlugTypeFromString,
                       VIR_XML_PROP_NONE, &def->plugtype) < 0)
        return -1;

    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        if (!(def->plug.bridge.brname = virXMLPropString(plug, "bridge"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing network port bridge name");
            return -1;
        }
        if ((macmgr = virXMLPropString(plug, "macTableManager")) &&
            (def->plug.bridge.macTableManager =
             virNetworkBridgeMACTableManagerTypeFromString(macmgr)) <= 0) {
            def->plug.bridge.macTableManager = 0;
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid macTableManager setting '%s' in network port",
                           macmgr);
            return -1;
        }
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        if (!(def->plug.direct.linkdev = virXMLPropString(plug, "dev"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing network port link device name");
            return -1;
        }
        if ((mode = virXMLPropString(plug, "mode")) &&
            (def->plug.direct.mode =
             virNetworkPortDirectModeTypeFromString(mode)) < 0) {
            def->plug.direct.mode = 0;
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid mode setting '%s' in network port", mode);
            return -1;
        }
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI: {
        g_autofree char *driver = NULL;

        if (virXMLPropTristateBool(plug, "managed", VIR_XML_PROP_NONE,
                                   &def->plug.hostdevpci.managed) < 0)
            return -1;
        if ((node = virXMLChild(plug, "driver")) &&
            (driver = virConfXMLPropNonEmpty(node, "name")) &&
            (def->plug.hostdevpci.driver =
             virNetworkForwardDriverNameTypeFromString(driver)) <= 0) {
            def->plug.hostdevpci.driver = 0;
            /* upstream's wording, though the name was present */
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing network port driver name");
            return -1;
        }
        if (!(node = virXMLChild(plug, "address"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Missing network port PCI address");
            return -1;
        }
        if (virPCIDeviceAddressParseXML(node, &def->plug.hostdevpci.addr) < 0)
            return -1;
        break;
    }
    }
    return 0;
}

virNetworkPortDef *
virNetworkPortDefParseNode(xmlNodePtr root, unsigned int flags)
{
    g_autoptr(virNetworkPortDef) def = g_new0(virNetworkPortDef, 1);
    g_autofree char *mac = NULL;
    xmlNodePtr owner;
    xmlNodePtr node;

    if (virNetworkPortParseUUID(root, "network port has no uuid",
                                def->uuid) < 0)
        return NULL;

    owner = virXMLChild(root, "owner");
    if (!(def->ownername = virConfXMLChildNonEmpty(owner, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "network port has no owner name");
        return NULL;
    }
    if (virNetworkPortParseUUID(owner, "network port has no owner UUID",
                                def->owneruuid) < 0)
        return NULL;

    def->group = virConfXMLChildNonEmpty(root, "group");

    if ((node = virXMLChild(root, "virtualport")) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(node, 0)))
        return NULL;

    mac = virConfXMLPropNonEmpty(virXMLChild(root, "mac"), "address");
    if (!mac) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "network port has no mac");
        return NULL;
    }
    if (virMacAddrParse(mac, &def->mac) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to parse MAC '%s'", mac);
        return NULL;
    }

    if (virNetworkBandwidthVlanParseXML(root, &def->bandwidth, &def->class_id,
                                        true, &def->vlan) < 0 ||
        virNetworkPortOptionsParseXML(root, &def->isolatedPort) < 0)
        return NULL;
    if ((node = virXMLChild(root, "rxfilters")) &&
        virXMLPropTristateBool(node, "trustGuest", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        return NULL;
    if (virNetworkPortParsePlug(virXMLChild(root, "plug"), def) < 0)
        return NULL;

    if ((flags & VIR_NETWORK_PORT_CREATE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

virNetworkPortDef *
virNetworkPortDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(networkport_definition)",
                                      "networkport")))
        return NULL;
    return virNetworkPortDefParseNode(xmlDocGetRootElement(doc), flags);
}

static void
virNetworkPortPlugFormat(virBuffer *buf, const virNetworkPortDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (def->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_NONE)
        return;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virNetworkPortPlugTypeToString(def->plugtype));
    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        virBufferEscapeString(&attrBuf, " bridge='%s'",
                              def->plug.bridge.brname);
        if (def->plug.bridge.macTableManager)
            virBufferAsprintf(&attrBuf, " macTableManager='%s'",
                              virNetworkBridgeMACTableManagerTypeToString(
                                  def->plug.bridge.macTableManager));
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        virBufferEscapeString(&attrBuf, " dev='%s'", def->plug.direct.linkdev);
        virBufferAsprintf(&attrBuf, " mode='%s'",
                          virNetworkPortDirectModeTypeToString(def->plug.direct.mode));
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
        if (def->plug.hostdevpci.managed)
            virBufferAsprintf(&attrBuf, " managed='%s'",
                              virTristateBoolTypeToString(
                                  def->plug.hostdevpci.managed));
        if (def->plug.hostdevpci.driver)
            virBufferAsprintf(&childBuf, "<driver name='%s'/>\n",
                              virNetworkForwardDriverNameTypeToString(
                                  def->plug.hostdevpci.driver));
        virPCIDeviceAddressFormat(&childBuf, &def->plug.hostdevpci.addr,
                                  false);
        break;
    }
    virXMLFormatElement(buf, "plug", &attrBuf, &childBuf);
}

void
virNetworkPortDefFormatBuf(virBuffer *buf, const virNetworkPortDef *def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    char mac[VIR_MAC_STRING_BUFLEN];

    virBufferAddLit(buf, "<networkport>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    virBufferAddLit(buf, "<owner>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->ownername);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->owneruuid, uuidstr));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</owner>\n");
    virBufferEscapeString(buf, "<group>%s</group>\n", def->group);
    virBufferAsprintf(buf, "<mac address='%s'/>\n",
                      virMacAddrFormat(&def->mac, mac));

    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    virNetDevBandwidthFormat(def->bandwidth, def->class_id, buf);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetworkPortOptionsFormat(def->isolatedPort, buf);
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, "<rxfilters trustGuest='%s'/>\n",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virNetworkPortPlugFormat(buf, def);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</networkport>\n");
}

char *
virNetworkPortDefFormat(const virNetworkPortDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virNetworkPortDefFormatBuf(&buf, def);
    return virBufferContentAndReset(&buf);
}
