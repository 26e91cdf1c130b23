// Under free text in the search box: where it matched, group by group ("email 12 · name 40"),
// each a button that narrows the search to that group with its prefix.
import { formatCount } from '../../../../shared/domain/money';
import { cache } from '../../core/client';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';

export function SearchMatchGroups() {
  const search = useUi((s) => s.search);
  const version = useUi((s) => s.cacheVersion);
  const filter = useUi((s) => s.filter);
  const setSearch = useUi((s) => s.setSearch);
  const groups = useAsync(() => (search.trim() ? cache.searchMatchGroups(search, filter) : Promise.resolve(null)), [search, filter, version]).value;
  const found = groups?.filter((g) => g.count > 0) ?? [];
  if (!groups) return null;
  return (
    <div className="chips match-groups" role="group" aria-label="Matched in" data-testid="match-groups">
      <span className="muted">{found.length ? 'Matched in:' : 'No match in any column.'}</span>
      {found.map((g) => (
        <button key={g.prefix} className="chip" title={`Search ${g.words} only: ${g.search}`} onClick={() => setSearch(g.search)}>
          {g.words} {formatCount(g.count)}
        </button>
      ))}
    </div>
  );
}
