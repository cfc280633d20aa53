/** Version 4: seed 004's registers (agreement categories, e-mail templates). */
export const registers = (s: string): string => `
CREATE TABLE ${s}.registers (
  id text COLLATE "C" PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  register text NOT NULL,
  name text NOT NULL,
  active boolean NOT NULL,
  body jsonb NOT NULL
);

CREATE INDEX registers_register ON ${s}.registers (register, id);
`;
