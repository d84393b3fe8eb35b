/** What an empty list says: why it is empty and what to do next, with the button that does it. */
export function EmptyState({ text, action, testId }: { text: string; action?: { label: string; onClick: () => void }; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId} role="status">
      <p>{text}</p>
      {action && (
        <button type="button" className="primary" onClick={action.onClick} data-testid={testId ? `${testId}-action` : undefined}>
          {action.label}
        </button>
      )}
    </div>
  );
}
