import type { Address } from '../../../shared/domain/address';
import { labelLines } from '../../../shared/address/warnings';

/** An address as the label prints it (same lines, same order), plus the country. */
export function AddressBlock({ address }: { address: Address }) {
  return (
    <address className="address-block">
      {labelLines(address).map((l, i) => (
        <div key={i}>{l}</div>
      ))}
      <div className="muted">{address.country}</div>
    </address>
  );
}
