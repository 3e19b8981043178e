import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Keeps a crashing page from blanking the whole dashboard; navigation stays usable. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('page crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error)
      return (
        <div className="state state-error" role="alert">
          <p>This page failed to render: {this.state.error.message}</p>
        </div>
      );
    return this.props.children;
  }
}
