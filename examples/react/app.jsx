// The autocomplete in a React page, through the generated wrapper (@diachiso/elements/react).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AddressAutocomplete, CodeBadge } from '@diachiso/elements/react';
import { createClient } from '@diachiso/sdk';

function App() {
  const [picked, setPicked] = useState(null);
  const [code, setCode] = useState('');
  return (
    <form method="post" onSubmit={(e) => e.preventDefault()}>
      <AddressAutocomplete
        name="address"
        label="Địa chỉ giao hàng"
        onDcsSelect={async (e) => {
          const s = e.detail.suggestion;
          setPicked(s);
          if (s.location) {
            const client = await createClient({ mode: 'offline' });
            const c = await client.encodeCode(s.location);
            setCode(c.zoneKnown ? c.code : c.plusCode);
          }
        }}
      />
      <p id="picked">{picked ? `${picked.ward?.name ?? ''}, ${picked.province?.name ?? ''}` : 'Chưa chọn địa chỉ'}</p>
      {code && <CodeBadge code={code} />}
    </form>
  );
}

createRoot(document.getElementById('root')).render(<App />);
