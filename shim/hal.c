// SPDX-License-Identifier: GPL-2.0
/*
 * HalTranslateBusAddress() and PCI configuration space access; see
 * <ntshim/hal.h>.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ioport.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <ntshim/hal.h>
#include <ntshim/irql.h>

/* The highest physical address the CPU can reach. */
static u64 hal_phys_limit(void)
{
	return iomem_resource.end;
}

BOOLEAN HalTranslateBusAddress(INTERFACE_TYPE InterfaceType, ULONG BusNumber,
			       PHYSICAL_ADDRESS BusAddress, PULONG AddressSpace,
			       PPHYSICAL_ADDRESS TranslatedAddress)
{
	u64 a = BusAddress.QuadPart;
	bool io;

	if (!AddressSpace || !TranslatedAddress || *AddressSpace > 1 ||
	    BusAddress.QuadPart < 0)
		return FALSE;
	io = *AddressSpace == 1;
	switch (InterfaceType) {
	case Internal:
		if (BusNumber)
			return FALSE;
		break;
	case Isa:
		if (BusNumber)
			return FALSE;
		/* 24 address lines */
		if (!io && a >= SZ_16M)
			return FALSE;
		break;
	case PCIBus:
#ifdef CONFIG_PCI
		if (BusNumber > 0xff || !pci_find_bus(0, BusNumber))
			return FALSE;
		break;
#else
		return FALSE;
#endif
	default:
		return FALSE;
	}
	if (io ? a > IO_SPACE_LIMIT : a > hal_phys_limit())
		return FALSE;
	TranslatedAddress->QuadPart = a;	/* x86: the identity */
	return TRUE;
}
EXPORT_SYMBOL_GPL(HalTranslateBusAddress);

#ifdef CONFIG_PCI
/* The device in @slot on bus @bus of domain 0, referenced, or NULL. */
static struct pci_dev *hal_pci_dev(ULONG bus, ULONG slot, bool *bus_exists)
{
	PCI_SLOT_NUMBER s = { .u.AsULONG = slot };

	*bus_exists = bus <= 0xff && pci_find_bus(0, bus);
	if (!*bus_exists || s.u.bits.Reserved)
		return NULL;
	return pci_get_domain_bus_and_slot(0, bus,
					   PCI_DEVFN(s.u.bits.DeviceNumber,
						     s.u.bits.FunctionNumber));
}

static ULONG hal_bus_data(BUS_DATA_TYPE type, ULONG bus, ULONG slot,
			  u8 *buf, ULONG offset, ULONG length, bool write,
			  unsigned long caller)
{
	struct pci_dev *dev;
	bool bus_exists;
	ULONG n;

	if (type != PCIConfiguration || !buf)
		return 0;
	if (KeGetCurrentIrql() != PASSIVE_LEVEL) {
		ntshim_sync_bad_irql(NULL, write ? "HalSetBusDataByOffset" :
				     "HalGetBusDataByOffset", caller);
		return 0;
	}
	dev = hal_pci_dev(bus, slot, &bus_exists);
	if (!dev) {
		if (!bus_exists || write || length < 2 || offset)
			return 0;
		buf[0] = PCI_INVALID_VENDORID & 0xff;
		buf[1] = PCI_INVALID_VENDORID >> 8;
		return 2;
	}
	for (n = 0; n < length && offset + n < dev->cfg_size; n++) {
		if (write ? pci_write_config_byte(dev, offset + n, buf[n]) :
			    pci_read_config_byte(dev, offset + n, &buf[n]))
			break;
	}
	pci_dev_put(dev);
	return n;
}
#else
static ULONG hal_bus_data(BUS_DATA_TYPE type, ULONG bus, ULONG slot,
			  u8 *buf, ULONG offset, ULONG length, bool write,
			  unsigned long caller)
{
	return 0;
}
#endif

ULONG HalGetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
			    ULONG SlotNumber, PVOID Buffer, ULONG Offset,
			    ULONG Length)
{
	return hal_bus_data(BusDataType, BusNumber, SlotNumber, Buffer, Offset,
			    Length, false, _RET_IP_);
}
EXPORT_SYMBOL_GPL(HalGetBusDataByOffset);

ULONG HalSetBusDataByOffset(BUS_DATA_TYPE BusDataType, ULONG BusNumber,
			    ULONG SlotNumber, PVOID Buffer, ULONG Offset,
			    ULONG Length)
{
	return hal_bus_data(BusDataType, BusNumber, SlotNumber, Buffer, Offset,
			    Length, true, _RET_IP_);
}
EXPORT_SYMBOL_GPL(HalSetBusDataByOffset);
