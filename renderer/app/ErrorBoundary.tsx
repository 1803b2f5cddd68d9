import { Component, type ReactNode } from 'react';

/** A view that throws shows the error in words instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="error" style={{ padding: '2rem' }}>
          <h1>Da ist etwas schiefgegangen.</h1>
          <p>{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            Erneut versuchen
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
