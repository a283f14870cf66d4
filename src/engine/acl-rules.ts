/**
 * ACL LIST lines, e.g. `user bob on #<sha256> ~k* resetchannels -@all +get (~x* +set)`,
 * read back into rules ACL SETUSER accepts, so a user the learner changed can
 * be put back exactly (passwords are restored from their hashes).
 */
export interface AclUser {
  name: string;
  /** The rules after the name; selectors in parentheses stay one rule. */
  rules: string[];
}

export function parseAclLine(line: string): AclUser | undefined {
  const tokens = tokenize(line);
  if (tokens[0] !== 'user' || tokens[1] === undefined) return undefined;
  return { name: tokens[1], rules: tokens.slice(2) };
}

function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of line) {
    if (char === ' ' && depth === 0) {
      if (current !== '') tokens.push(current);
      current = '';
      continue;
    }
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    current += char;
  }
  if (current !== '') tokens.push(current);
  return tokens;
}

/**
 * The same user written two ways compares equal: `ACL SETUSER … reset`
 * makes Redis print `sanitize-payload`, which a fresh user has implicitly.
 */
export function normalizedRules(user: AclUser): string {
  return user.rules.filter((rule) => rule !== 'sanitize-payload').join(' ');
}

/** ACL SETUSER arguments that make the user exactly as recorded. */
export function restoreUserCommand(user: AclUser): string[] {
  return ['ACL', 'SETUSER', user.name, 'reset', ...user.rules];
}
